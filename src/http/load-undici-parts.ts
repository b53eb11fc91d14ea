import { createRequire } from 'node:module';
import type { Agent, Dispatcher, fetch } from 'undici';

const nodeRequire = createRequire(import.meta.url);

export interface UndiciParts {
  /** An Agent has the request methods (`agent.request({ origin, path, ... })`). */
  Agent: typeof Agent;
  fetch: typeof fetch;
}

export interface LoadUndiciPartsOptions {
  /** For tests only: the require that loads undici's files. */
  _internal?: { require?: (id: string) => unknown };
}

/**
 * undici's Agent and fetch, loaded without the rest of the package (proxies, WebSocket, EventSource, caches, mocks,
 * interceptors), which cost a rerun with nothing to do more CPU than all of its own work. undici has no exports map;
 * its lib/ layout is fixed within a major version, and the arXiv queue's tests use these parts.
 */
export function loadUndiciParts(options: LoadUndiciPartsOptions = {}): UndiciParts {
  const require = options._internal?.require ?? nodeRequire;
  try {
    const { prototype } = require('undici/lib/dispatcher/dispatcher.js') as typeof Dispatcher;
    // What undici's own index does on load (the same functions, so doing it twice is harmless).
    Object.assign(prototype, require('undici/lib/api/index.js') as object);
    return {
      Agent: require('undici/lib/dispatcher/agent.js') as typeof Agent,
      fetch: (require('undici/lib/web/fetch/index.js') as { fetch: typeof fetch }).fetch,
    };
  } catch {
    // A minor release that moved one of these files costs the load time saved, not every request.
    const { Agent, fetch } = require('undici') as typeof import('undici');
    return { Agent, fetch };
  }
}
