/**
 * Errors that end in exit code 2: unreadable input, invalid pack or config, usage.
 * Every one renders as a single line naming the file (and line:col where known), and carries
 * a stable machine code (README, "错误代码"), so CI scripts need not parse the Chinese message.
 */
export interface SourcePosition {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

/** Why an input report could not be checked (`failures[].code` in the JSON output); the run goes on. */
export const INPUT_ERROR_CODES = [
  'input-not-found',
  'input-not-a-file',
  'input-too-large',
  'input-unreadable',
  'input-empty',
  'input-decode',
  'input-unsupported',
  'input-corrupt',
  'input-encrypted',
  'input-no-reports',
  'input-timeout',
] as const;

/** Why a run could not start or finish: nothing is checked (or an output is missing). */
export const RUN_ERROR_CODES = [
  'usage',
  'pack-not-found',
  'pack-invalid',
  'config-not-found',
  'config-invalid',
  'baseline-not-found',
  'baseline-invalid',
  'output-write',
  'internal',
] as const;

export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];
export type RunErrorCode = (typeof RUN_ERROR_CODES)[number];
export type ErrorCode = InputErrorCode | RunErrorCode;
export type PackErrorCode = Extract<ErrorCode, `pack-${string}` | `config-${string}`>;

export class FazhiError extends Error {
  readonly code: ErrorCode;

  constructor(
    message: string,
    readonly file: string | null = null,
    readonly position: SourcePosition | null = null,
    code?: ErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code ?? (new.target as { defaultCode?: ErrorCode }).defaultCode ?? 'internal';
  }

  /** `file:line:col message` or `file: message`: what the user sees on stderr. */
  toLine(): string {
    if (!this.file) return this.message;
    if (this.position) return `${this.file}:${this.position.line}:${this.position.column} ${this.message}`;
    return `${this.file}: ${this.message}`;
  }
}

/** An input report that cannot be read or decoded. */
export class InputError extends FazhiError {
  static readonly defaultCode: ErrorCode = 'input-unreadable';
  declare readonly code: InputErrorCode;

  constructor(message: string, file: string | null = null, code: InputErrorCode = 'input-unreadable') {
    super(message, file, null, code);
  }
}

/** A rule pack or a config file that does not load or validate. */
export class PackError extends FazhiError {
  static readonly defaultCode: ErrorCode = 'pack-invalid';
  declare readonly code: PackErrorCode;

  constructor(
    message: string,
    file: string | null = null,
    position: SourcePosition | null = null,
    code: PackErrorCode = 'pack-invalid',
  ) {
    super(message, file, position, code);
  }
}

/** Wrong command-line usage (unknown format, bad --param …). */
export class UsageError extends FazhiError {
  static readonly defaultCode: ErrorCode = 'usage';
}

/** The machine code of anything thrown: a FazhiError's own, `internal` for anything else. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof FazhiError ? error.code : 'internal';
}

/** The code an input failure reports: the error's own when it is about the input, else `input-unreadable`. */
export function inputErrorCode(error: FazhiError): InputErrorCode {
  return (INPUT_ERROR_CODES as readonly string[]).includes(error.code)
    ? (error.code as InputErrorCode)
    : 'input-unreadable';
}
