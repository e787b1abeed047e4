// `xxgk-report schema`: the Report's JSON Schema, generated from the zod schema.
import { writeFile } from 'node:fs/promises';
import { reportJsonSchemaText } from '../schema/jsonSchema.js';
import type { Io } from './run.js';

export async function runSchema(args: { out?: string }, io: Io): Promise<number> {
  const text = reportJsonSchemaText();
  if (!args.out) {
    io.stdout.write(text);
    return 0;
  }
  try {
    await writeFile(args.out, text);
    return 0;
  } catch (error) {
    io.stderr.write(`xxgk-report: cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
}
