import { setMaxListeners } from 'node:events';

/**
 * A signal of its own for one request (or one paper) that aborts when `parent` does; `release()` takes its one
 * listener off `parent` again. HTTP clients add a listener to the signal they are given and never remove it, so
 * handing them a long-lived run signal leaks one listener per request (MaxListenersExceededWarning).
 */
export function followSignal(parent: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  // What is added to the follower goes with it: its own count is bounded by one paper's requests.
  setMaxListeners(0, controller.signal);
  const forward = () => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener('abort', forward, { once: true });
  return { signal: controller.signal, release: () => parent.removeEventListener('abort', forward) };
}
