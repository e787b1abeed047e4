// The command line, read into a typed command (or a usage message).
export const USAGE = `usage:
  xxgk-report parse <file|dir|->... [--format json|ndjson|csv] [--strict] [--out FILE] [--jobs N]
  xxgk-report check <file|dir|->... [--jobs N]
  xxgk-report check --across-years <dir|file>... [--jobs N]
  xxgk-report view <file> [--out FILE]         # a self-contained HTML audit page
  xxgk-report schema [--out FILE]              # the JSON Schema of the Report
  xxgk-report eval <dir|NAME.gold.json>... [--json] [--verbose] [--jobs N]   # score against gold files
Directories are read recursively (.html .htm .txt .md, other files when they look like a report).
--jobs N parses on N worker threads (default: this thread, or a worker per idle core for 1,500 inputs or more); output keeps the input order.
Exit status: 0 all parsed without errors, 1 some input has an error diagnostic, 2 usage or I/O error;
for eval: 0, 1 some cell is silent or phantom, 2 a gold file or its report is missing or unreadable.`;

export type Format = 'json' | 'ndjson' | 'csv';

export type Args =
  | { command: 'parse'; paths: string[]; format: Format; strict: boolean; out?: string; jobs?: number }
  | { command: 'check'; paths: string[]; acrossYears: boolean; out?: string; jobs?: number }
  | { command: 'view'; path: string; out?: string }
  | { command: 'schema'; out?: string }
  | { command: 'eval'; paths: string[]; json: boolean; verbose: boolean; jobs?: number };

/** `{ help }` for --help, a string for a usage error. */
export function parseArgs(argv: readonly string[]): Args | { help: true } | string {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { help: true };
  if (command !== 'parse' && command !== 'check' && command !== 'view' && command !== 'schema' && command !== 'eval') return command ? `unknown command "${command}"` : 'no command';
  let format: Format = 'json';
  let strict = false;
  let acrossYears = false;
  let json = false;
  let verbose = false;
  let out: string | undefined;
  let jobs: number | undefined;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? rest[++i];
    if (flag === '--help' || flag === '-h') return { help: true };
    else if (flag === '--format' && command === 'parse') {
      const f = value();
      if (f !== 'json' && f !== 'ndjson' && f !== 'csv') return `--format must be json, ndjson or csv (got ${f ?? 'nothing'})`;
      format = f;
    } else if (flag === '--strict' && command === 'parse') strict = true;
    else if (flag === '--across-years' && command === 'check') acrossYears = true;
    else if (flag === '--json' && command === 'eval') json = true;
    else if (flag === '--verbose' && command === 'eval') verbose = true;
    else if ((flag === '--out' || flag === '-o') && command !== 'eval') {
      const o = value();
      if (!o) return `${flag} needs a file name`;
      out = o;
    } else if ((flag === '--jobs' || flag === '-j') && (command === 'parse' || command === 'check' || command === 'eval')) {
      const j = value();
      if (!j || !/^[1-9]\d*$/.test(j)) return `--jobs must be a positive whole number (got ${j ?? 'nothing'})`;
      jobs = Number(j);
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}" for ${command}`;
    else paths.push(arg);
  }
  switch (command) {
    case 'schema':
      if (paths.length) return 'schema takes no input';
      return { command, ...(out ? { out } : {}) };
    case 'view':
      if (paths.length !== 1 || paths[0] === '-') return 'view takes one report file';
      return { command, path: paths[0]!, ...(out ? { out } : {}) };
    case 'eval':
      if (!paths.length) return 'no input: give corpus directories or gold files';
      if (paths.includes('-')) return 'eval reads gold files beside their reports, not stdin';
      return { command, paths, json, verbose, ...(jobs ? { jobs } : {}) };
    case 'parse':
    case 'check':
      if (!paths.length) return 'no input: give files, directories or - for stdin';
      if (command === 'parse') return { command, paths, format, strict, ...(jobs ? { jobs } : {}), ...(out ? { out } : {}) };
      return { command, paths, acrossYears, ...(jobs ? { jobs } : {}), ...(out ? { out } : {}) };
  }
}
