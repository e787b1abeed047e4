// Counting outcomes across a batch, for the closing summary.

/** What the summary counts of one parsed input. */
export interface Counted {
  hasError: boolean;
  hasWarning: boolean;
  /** Codes of its warning and error diagnostics. */
  codes: readonly string[];
}

export class Summary {
  files = 0;
  clean = 0;
  warnings = 0;
  errors = 0;
  io = 0;
  readonly codes = new Map<string, number>();

  count(outcome: Counted): void {
    this.files++;
    if (outcome.hasError) this.errors++;
    else if (outcome.hasWarning) this.warnings++;
    else this.clean++;
    for (const code of outcome.codes) this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }

  ioError(): void {
    this.io++;
  }

  exitCode(): number {
    if (this.io) return 2;
    return this.errors ? 1 : 0;
  }

  text(): string {
    const top = [...this.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, n]) => `${c} ${n}`).join(', ');
    return `${this.files} file(s): ${this.clean} clean, ${this.warnings} with warnings, ${this.errors} with errors${this.io ? `, ${this.io} unreadable` : ''}${top ? `; most frequent: ${top}` : ''}\n`;
  }
}
