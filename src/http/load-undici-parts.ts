import { createRequire } from 'node:module';
import type { Agent, Dispatcher, fetch } from 'undici';

const require = createRequire(import.meta.url);

export interface UndiciParts {
  /** An Agent has the request methods (`agent.request({ origin, path, ... })`). */
  Agent: typeof Agent;
  fetch: typeof fetch;
}

/**
 * undici's Agent and fetch, loaded without the rest of the package (proxies, WebSocket, EventSource, caches, mocks,
 * interceptors), which cost a rerun with nothing to do more CPU than all of its own work. undici has no exports map;
 * its lib/ layout is fixed within a major version, and the arXiv queue's tests use these parts.
 */
export function loadUndiciParts(): UndiciParts {
  const { prototype } = require('undici/lib/dispatcher/dispatcher.js') as typeof Dispatcher;
  // What undici's own index does on load (the same functions, so doing it twice is harmless).
  Object.assign(prototype, require('undici/lib/api/index.js') as object);
  return {
    Agent: require('undici/lib/dispatcher/agent.js') as typeof Agent,
    fetch: (require('undici/lib/web/fetch/index.js') as { fetch: typeof fetch }).fetch,
  };
}
