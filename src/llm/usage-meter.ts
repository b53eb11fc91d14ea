import type { Usage } from '../brief/brief-schema.js';
import { addUsage, ZERO_USAGE } from './read-completion-usage.js';

/** Every LLM request made for one paper and what the answered ones cost, so a paper that fails later still counts its spend. */
export interface UsageMeter {
  /** Tokens of the requests the server answered. */
  readonly usage: Usage;
  readonly requests: number;
  /** Requests sent but never answered with usage (timed out, connection lost, abandoned): their cost is unknown. */
  readonly unmetered: number;
  requestSent(): void;
  requestAnswered(usage: Usage): void;
  /** The server answered with an error status: nothing was billed. */
  requestRefused(): void;
  /** A batch gave the request back unanswered, to be sent at once: it is no request of the batch's, and nothing was billed for it there. */
  requestWithdrawn(): void;
}

export function createUsageMeter({ onAnswered }: { onAnswered?: (usage: Usage) => void } = {}): UsageMeter {
  let usage = ZERO_USAGE;
  let requests = 0;
  let settled = 0;
  return {
    get usage() {
      return usage;
    },
    get requests() {
      return requests;
    },
    get unmetered() {
      return requests - settled;
    },
    requestSent() {
      requests += 1;
    },
    requestAnswered(answered) {
      usage = addUsage(usage, answered);
      settled += 1;
      onAnswered?.(answered);
    },
    requestRefused() {
      settled += 1;
    },
    requestWithdrawn() {
      requests -= 1;
    },
  };
}
