import { BriefError } from '../errors/brief-error.js';

/** The evidence an LLM failure carries besides its message. */
export interface LlmErrorDetails {
  /** HTTP status of the last response, when there was one. */
  status?: number;
  /** The server's `x-request-id`, to quote when asking the provider for help. */
  requestId?: string;
  /** HTTP requests made, first one included. */
  requests?: number;
  /** The run's endpoint breaker is open: the endpoint failed too many requests in a row. */
  endpointDown?: boolean;
  cause?: unknown;
}

/** A call to the LLM failed (after our retries); the message says what to do about it. */
export class LlmError extends BriefError {
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly requests: number | undefined;
  readonly endpointDown: boolean;

  constructor(message: string, details: LlmErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.requestId = details.requestId;
    this.requests = details.requests;
    this.endpointDown = details.endpointDown ?? false;
  }
}
