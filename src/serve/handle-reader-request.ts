import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeDatabaseFailure } from '../readers/describe-database-failure.js';
import { ReadersDatabaseError } from '../readers/readers-database-error.js';
import { choosePageLanguage } from './choose-page-language.js';
import { handleConfirm } from './handle-confirm.js';
import { handleFeedback } from './handle-feedback.js';
import { handleSubscribe } from './handle-subscribe.js';
import { handleUnsubscribe } from './handle-unsubscribe.js';
import { HttpStatusError } from './http-status-error.js';
import type { ReaderServerContext, RouteRequest } from './reader-server-context.js';
import { sendMessagePage } from './send-reader-page.js';
import { type PublishedFolder, servePublishedFile } from './serve-published-file.js';

/**
 * Answers one request: the readers' routes, `/healthz`, else a published file. Every expected failure becomes a page
 * in the reader's language with its status (4xx; 503 when the database is locked or full, nothing written); anything
 * else is a 500 page for the reader and one line for the operator, never a stack trace in the answer.
 */
export async function handleReaderRequest(
  context: ReaderServerContext & { folder: PublishedFolder; databasePath: string; reportBug: (error: unknown) => void },
  request: IncomingMessage,
  response: ServerResponse,
  clientAddress: string,
): Promise<void> {
  try {
    const url = new URL(request.url ?? '/', 'http://server.invalid');
    const route: RouteRequest = { request, response, url, clientAddress };
    const handler = ROUTES[url.pathname];
    if (handler) return await handler(context, route);
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpStatusError(405, 'methodNotAllowed', { Allow: 'GET, HEAD' });
    await servePublishedFile(request, response, url.pathname, context.folder);
  } catch (error) {
    const refusal = toRefusal(error, context.databasePath);
    if (refusal === undefined) context.reportBug(error);
    if (response.headersSent) return void response.destroy();
    const { status, messageKey, headers, language } = refusal ?? new HttpStatusError(500, 'unavailable');
    // The request's body is left unread on a refusal: the connection cannot be reused for another request.
    if (!request.complete) response.setHeader('Connection', 'close');
    if (status === 301) return void response.writeHead(status, headers).end();
    const pageLanguage = choosePageLanguage(language, request.headers['accept-language'], context.defaultLanguage);
    sendMessagePage(response, status, pageLanguage, (words) => ({ title: words[messageKey === 'confirmExpired' ? 'confirmTitle' : 'siteName'], lines: [words[messageKey]] }), headers);
  }
}

// --- internal ---

type Route = (context: ReaderServerContext, route: RouteRequest) => Promise<void>;

const ROUTES: Record<string, Route> = {
  '/unsubscribe': handleUnsubscribe,
  '/subscribe': handleSubscribe,
  '/confirm': handleConfirm,
  '/feedback': handleFeedback,
  '/healthz': answerHealth,
};

// A locked or full database is a passing state: 503 with a time to come back. Other failures are bugs or damage.
function toRefusal(error: unknown, databasePath: string): HttpStatusError | undefined {
  if (error instanceof HttpStatusError) return error;
  const failure = describeDatabaseFailure(error, databasePath);
  if (failure instanceof ReadersDatabaseError && failure.busy) return new HttpStatusError(503, 'unavailable', { 'Retry-After': '10' });
  return undefined;
}

// For a load balancer or `doctor`: 200 when the database answers a read, 503 otherwise.
async function answerHealth(context: ReaderServerContext, { request, response }: RouteRequest): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpStatusError(405, 'methodNotAllowed', { Allow: 'GET, HEAD' });
  context.readers.count();
  const body = '{"ok":true}\n';
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

