import { BriefError } from '../errors/brief-error.js';

/**
 * The readers database could not be used. `busy`: another process holds its lock, or the disk is full: nothing was
 * written, and the same request a moment later may succeed (the server answers 503). Otherwise the file itself is at fault.
 */
export class ReadersDatabaseError extends BriefError {
  constructor(
    message: string,
    readonly busy: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
