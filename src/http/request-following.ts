import { followSignal } from './follow-signal.js';

/** Runs one request with a signal of its own that follows `parent`: `parent` holds one listener for it, and only while it runs. */
export async function requestFollowing<T>(parent: AbortSignal | undefined, request: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
  if (!parent) return request(undefined);
  const follower = followSignal(parent);
  try {
    return await request(follower.signal);
  } finally {
    follower.release();
  }
}
