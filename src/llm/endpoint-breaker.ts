/**
 * Counts consecutive failed LLM requests across all papers of a run (timeouts, lost connections, 5xx),
 * so a dead or hanging endpoint stops the run in minutes instead of failing every paper slowly.
 */
export interface EndpointBreaker {
  /** Why no more requests should be sent, once `limit` failures came in a row; undefined while healthy. */
  readonly openReason: string | undefined;
  recordFailure(description: string): void;
  recordSuccess(): void;
  /** Opens at once: a wrong key (401) or unknown model (404) fails every later request too. */
  trip(description: string): void;
}

export function createEndpointBreaker(limit: number): EndpointBreaker {
  let consecutive = 0;
  let openReason: string | undefined;
  return {
    get openReason() {
      return openReason;
    },
    recordFailure(description) {
      consecutive += 1;
      if (consecutive >= limit) openReason ??= `the LLM endpoint failed ${consecutive} requests in a row (last: ${description})`;
    },
    trip(description) {
      openReason ??= `the LLM endpoint refused the request (${description})`;
    },
    recordSuccess() {
      // Once open it stays open: a run does not start papers against an endpoint that just went down.
      if (openReason === undefined) consecutive = 0;
    },
  };
}
