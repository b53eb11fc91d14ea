import { LANGUAGE_CODES } from '../language/messages.js';
import { getReaderPageMessages } from '../language/reader-page-messages.js';
import { HttpStatusError } from './http-status-error.js';
import { readFormBody } from './read-form-body.js';
import { readSignedAddress } from './read-signed-address.js';
import type { ReaderServerContext, RouteRequest } from './reader-server-context.js';
import { sendMessagePage, sendReaderPage } from './send-reader-page.js';

/**
 * `/confirm?address=…&language=…&expires=…&token=…`, the link of the confirmation mail: GET shows one button, POST
 * makes the reader active in the language they chose. A link past its time (48 hours) answers 410 and changes nothing.
 */
export async function handleConfirm(context: ReaderServerContext, { request, response, url }: RouteRequest): Promise<void> {
  const language = url.searchParams.get('language') ?? '';
  const expires = Number(url.searchParams.get('expires'));
  if (!(LANGUAGE_CODES as string[]).includes(language) || !Number.isSafeInteger(expires)) throw new HttpStatusError(400, 'invalidLink');
  const mailbox = readSignedAddress(url.searchParams, context.secret, (address) => ({ kind: 'confirm', address, language, expires }));
  const messages = getReaderPageMessages(language);
  if (context.now().getTime() > expires * 1000) throw new HttpStatusError(410, 'confirmExpired', {}, language);
  if (request.method === 'GET' || request.method === 'HEAD') {
    sendReaderPage(response, 200, { language, title: messages.confirmTitle, lines: [messages.confirmQuestion(mailbox)], form: { action: `${url.pathname}${url.search}`, button: messages.confirmButton } });
    return;
  }
  if (request.method !== 'POST') throw new HttpStatusError(405, 'methodNotAllowed', { Allow: 'GET, HEAD, POST' });
  await readFormBody(request);
  context.readers.activate(mailbox, language);
  sendMessagePage(response, 200, language, (words) => ({ title: words.confirmTitle, lines: [words.confirmed(mailbox)] }));
}
