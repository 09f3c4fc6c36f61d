/**
 * Errors that end in exit code 2: unreadable input, invalid pack or config, usage.
 * Every one renders as a single line naming the file (and line:col where known).
 */
export interface SourcePosition {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

export class FazhiError extends Error {
  constructor(
    message: string,
    readonly file: string | null = null,
    readonly position: SourcePosition | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** `file:line:col message` or `file: message`: what the user sees on stderr. */
  toLine(): string {
    if (!this.file) return this.message;
    if (this.position) return `${this.file}:${this.position.line}:${this.position.column} ${this.message}`;
    return `${this.file}: ${this.message}`;
  }
}

/** An input report that cannot be read or decoded. */
export class InputError extends FazhiError {}

/** A rule pack (or later a config file) that does not load or validate. */
export class PackError extends FazhiError {}

/** Wrong command-line usage (unknown format, bad --param …). */
export class UsageError extends FazhiError {}
