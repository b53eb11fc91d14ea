import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadersStore } from '../readers/readers-store.js';
import type { PublishedPaperCheck } from './create-published-paper-check.js';
import type { RateLimiter } from './create-rate-limiter.js';

/** What every route of the server is given: the readers, the secret that signs links, the clock and the mail. */
export interface ReaderServerContext {
  readers: ReadersStore;
  secret: string;
  /** Where readers reach the server (SUMMARIZE_PUBLIC_URL, or the address it listens on), without a trailing slash. */
  publicUrl: string;
  /** SUMMARIZE_LANGUAGE: the pages' language when nothing says the reader's. */
  defaultLanguage: string;
  now: () => Date;
  /** Whether a paper is in the published archive: only those take votes. */
  isPublishedPaper: PublishedPaperCheck;
  limits: { perAddress: RateLimiter; perClient: RateLimiter };
  /** Sends a confirmation mail, undefined when mail is not configured (subscribing is then closed). */
  sendConfirmation: ((address: string, language: string, link: string) => void) | undefined;
}

/** One request as a route sees it: the parsed URL and the client's address (the proxy's forwarded one on loopback). */
export interface RouteRequest {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  clientAddress: string;
}
