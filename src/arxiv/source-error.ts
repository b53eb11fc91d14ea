import { RunError } from '../errors/brief-error.js';

/** A source of paper IDs for the nightly batch (Hugging Face, an arXiv listing) gave nothing usable. */
export class SourceError extends RunError {
  constructor(
    readonly url: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
