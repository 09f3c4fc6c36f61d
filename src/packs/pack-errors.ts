import { PackError } from '../shared/errors.js';

/** A validation failure may carry several errors; each prints as its own line. */
export class PackErrors extends PackError {
  constructor(readonly errors: PackError[]) {
    super((errors[0] as PackError).message, (errors[0] as PackError).file, (errors[0] as PackError).position);
  }
  override toLine(): string {
    return this.errors.map((e) => e.toLine()).join('\n');
  }
}
