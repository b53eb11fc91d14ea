import { readWebhookSecrets } from './collect-secrets.js';

/**
 * The URLs typed on the command line, whole and in parts, as secrets: a webhook's path is its key, so a usage error must
 * not echo one. An arXiv link is a paper's public address, and the error about a mistyped one should show it.
 */
export function collectArgumentSecrets(argv: readonly string[]): string[] {
  return argv.flatMap((argument) => {
    const start = argument.search(/[a-z][a-z0-9+.-]*:\/\//i);
    if (start === -1 || ARXIV_LINK.test(argument.slice(start))) return [];
    return [argument, ...readWebhookSecrets(argument.slice(start))];
  });
}

// --- internal ---

const ARXIV_LINK = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/[^?#]*$/i;
