import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The openai library, loaded on first use (it is hundreds of modules a rerun with nothing to do never needs).
 * The client and every `instanceof` check take their classes from here: a second way of loading it (a static
 * import under a loader such as tsx) can give a second copy whose error classes match nothing.
 */
export function loadOpenAi(): typeof import('openai') {
  return require('openai/index.mjs') as typeof import('openai');
}
