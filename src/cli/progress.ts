// A progress bar on stderr for long batches — only when stderr is a terminal, so logs and pipes
// never see it. Messages go above the bar instead of through it.
import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';

export interface Progress {
  tick(): void;
  /** A line for stderr (ends with a newline). */
  log(line: string): void;
  stop(): void;
}

export function startProgress(stream: Writable, total: number): Progress {
  const tty = (stream as Writable & { isTTY?: boolean }).isTTY === true;
  if (!tty || total < 2) return { tick() {}, log: (line) => void stream.write(line), stop() {} };
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: 'parsing {bar} {value}/{total} files | {percentage}% | {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0);
  return {
    tick: () => bar.increment(),
    log: (line) => bars.log(line),
    stop: () => bars.stop(),
  };
}
