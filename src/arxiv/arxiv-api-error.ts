import { RunError } from '../errors/brief-error.js';

/** The arXiv query API answered with its error feed or with something that is not a usable feed. */
export class ArxivApiError extends RunError {
  readonly url: string | undefined;

  constructor(
    readonly apiMessage: string,
    options: { url?: string; cause?: unknown } = {},
  ) {
    super(
      `the arXiv API reported an error: ${apiMessage}${options.url ? ` (request: ${options.url})` : ''}`,
      { cause: options.cause },
    );
    this.url = options.url;
  }
}
