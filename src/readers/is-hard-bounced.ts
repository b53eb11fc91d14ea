import type { ReaderOutcome } from '../reader-sends/reader-send-state.js';

/**
 * Whether a reader's address has bounced for good: the server refused it (5xx on RCPT TO, `rejected`) in each of
 * their last `limit` mailings. `outcomes` are their mailings' outcomes, newest first; one accepted copy breaks the run.
 */
export function isHardBounced(outcomes: readonly ReaderOutcome[], limit: number): boolean {
  return outcomes.length >= limit && outcomes.slice(0, limit).every((outcome) => outcome === 'rejected');
}
