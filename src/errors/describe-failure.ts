import { BriefError } from './brief-error.js';

/** One line for a recorded failure: an expected one's own message, anything else marked as our bug (no stack: it goes in a report). */
export function describeFailure(error: unknown): string {
  if (error instanceof BriefError) return error.message;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}
