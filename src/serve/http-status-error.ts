/** A request the server answers with a 4xx (or 503) page: the status and which message of the reader's language says why. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: ErrorMessageKey,
    readonly headers: Record<string, string> = {},
    /** The page's language when the route knows the reader's; else the browser's is taken. */
    readonly language?: string,
  ) {
    super(`${status} ${messageKey}`);
    this.name = 'HttpStatusError';
  }
}

/** The messages of ReaderPageMessages that explain a refusal. */
export type ErrorMessageKey = 'invalidLink' | 'badAddress' | 'notFound' | 'methodNotAllowed' | 'tooLarge' | 'tooManyRequests' | 'unavailable' | 'subscriptionsClosed' | 'badRequest' | 'confirmExpired' | 'unknownPaper';

