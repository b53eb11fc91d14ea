import { HttpStatusError } from './http-status-error.js';
import { getReaderPageMessages } from '../language/reader-page-messages.js';
import { choosePageLanguage } from './choose-page-language.js';
import { readFormBody } from './read-form-body.js';
import { readSignedAddress } from './read-signed-address.js';
import type { ReaderServerContext, RouteRequest } from './reader-server-context.js';
import { sendMessagePage, sendReaderPage } from './send-reader-page.js';

/**
 * `/unsubscribe?address=…&token=…`: GET shows one button and changes nothing (mail scanners open links); POST, from
 * that button or a mail client's one-click (RFC 8058 body `List-Unsubscribe=One-Click`), unsubscribes at once. A
 * reader the database does not know (one of SUMMARIZE_MAIL_TO) is added as unsubscribed, so no list mails them again.
 */
export async function handleUnsubscribe(context: ReaderServerContext, { request, response, url }: RouteRequest): Promise<void> {
  const mailbox = readSignedAddress(url.searchParams, context.secret, (address) => ({ kind: 'unsubscribe', address }));
  const reader = context.readers.find(mailbox);
  const language = choosePageLanguage(reader?.language, request.headers['accept-language'], context.defaultLanguage);
  const messages = getReaderPageMessages(language);
  if (request.method === 'GET' || request.method === 'HEAD') {
    sendReaderPage(response, 200, {
      language,
      title: messages.unsubscribeTitle,
      lines: [messages.unsubscribeQuestion(mailbox)],
      form: { action: `${url.pathname}${url.search}`, button: messages.unsubscribeButton, hidden: { 'List-Unsubscribe': 'One-Click' } },
    });
    return;
  }
  if (request.method !== 'POST') throw new HttpStatusError(405, 'methodNotAllowed', { Allow: 'GET, HEAD, POST' });
  const body = await readFormBody(request);
  if (body.get('List-Unsubscribe') !== 'One-Click') throw new HttpStatusError(400, 'badRequest');
  if (reader === undefined) context.readers.add({ address: mailbox }, 'unsubscribed', context.defaultLanguage);
  else if (reader.state !== 'unsubscribed') context.readers.setState(mailbox, 'unsubscribed');
  sendMessagePage(response, 200, language, (words) => ({ title: words.unsubscribeTitle, lines: [words.unsubscribed(mailbox)] }));
}
