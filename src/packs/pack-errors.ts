import { PackError } from '../shared/errors.js';

/** A validation failure may carry several errors; each prints as its own line. */
export class PackErrors extends PackError {
  constructor(readonly errors: PackError[]) {
    const first = errors[0] as PackError;
    super(first.message, first.file, first.position, first.code);
  }
  override toLine(): string {
    return this.errors.map((e) => e.toLine()).join('\n');
  }
}
