import { RunError } from '../errors/brief-error.js';

/** Why a request to arXiv failed after the retries it was allowed. */
export type ArxivRequestFailure =
  | 'status'
  | 'network'
  | 'timeout'
  | 'retry-after-too-long'
  | 'too-large'
  | 'truncated';

/** A request to arXiv that could not be completed; `reason` tells callers which case it was. */
export class ArxivRequestError extends RunError {
  readonly status: number | undefined;
  readonly receivedBytes: number | undefined;

  constructor(
    readonly url: string,
    readonly reason: ArxivRequestFailure,
    message: string,
    options: { cause?: unknown; status?: number; receivedBytes?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.receivedBytes = options.receivedBytes;
  }
}
