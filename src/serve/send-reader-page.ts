import type { ServerResponse } from 'node:http';
import { getReaderPageMessages, type ReaderPageMessages } from '../language/reader-page-messages.js';
import { type ReaderPage, renderReaderPage } from './render-reader-page.js';

/** Writes a page for a reader with the headers every such page needs: no caching, no referrer (links carry tokens), no scripts. */
export function sendReaderPage(response: ServerResponse, status: number, page: Omit<ReaderPage, 'siteName'>, headers: Record<string, string> = {}): void {
  const html = renderReaderPage({ ...page, siteName: getReaderPageMessages(page.language).siteName });
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'Content-Language': page.language,
    ...headers,
  });
  response.end(html);
}

/** A page of one message in the reader's language, for a refusal or a result. */
export function sendMessagePage(response: ServerResponse, status: number, language: string, pick: (messages: ReaderPageMessages) => { title: string; lines: string[] }, headers: Record<string, string> = {}): void {
  const messages = getReaderPageMessages(language);
  sendReaderPage(response, status, { language, ...pick(messages), back: { href: '/', text: messages.backToArchive } }, headers);
}
