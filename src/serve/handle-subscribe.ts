import { parseMailAddresses } from '../config/parse-mail-addresses.js';
import { LANGUAGE_CODES } from '../language/messages.js';
import { getReaderPageMessages } from '../language/reader-page-messages.js';
import { signReaderToken } from '../mail/sign-reader-token.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import { choosePageLanguage } from './choose-page-language.js';
import { HttpStatusError } from './http-status-error.js';
import { readFormBody } from './read-form-body.js';
import type { ReaderServerContext, RouteRequest } from './reader-server-context.js';
import { sendReaderPage } from './send-reader-page.js';

/** How long a confirmation link works. */
export const CONFIRMATION_LIFETIME_MS = 48 * 60 * 60 * 1000;

/**
 * `/subscribe`: GET the form; POST (`email`, optional `language`) mails a signed confirmation link that expires in
 * 48 hours. The answer is the same whatever the address (known, active, unsubscribed, or over its limit), so the form
 * tells nobody who reads the newsletter; a client over its limit gets 429, an address over its own gets no more mail.
 */
export async function handleSubscribe(context: ReaderServerContext, { request, response, url, clientAddress }: RouteRequest): Promise<void> {
  const language = choosePageLanguage(undefined, request.headers['accept-language'], context.defaultLanguage);
  const messages = getReaderPageMessages(language);
  if (context.sendConfirmation === undefined) throw new HttpStatusError(404, 'subscriptionsClosed');
  if (request.method === 'GET' || request.method === 'HEAD') {
    sendReaderPage(response, 200, {
      language,
      title: messages.subscribeTitle,
      lines: [messages.subscribeIntro],
      form: {
        action: url.pathname,
        button: messages.subscribeButton,
        fields: [
          { name: 'email', label: messages.emailLabel, type: 'email' },
          { name: 'language', label: messages.languageLabel, type: 'select', options: LANGUAGE_CODES.map((code) => [code, nameInItself(code)]), selected: language },
        ],
      },
    });
    return;
  }
  if (request.method !== 'POST') throw new HttpStatusError(405, 'methodNotAllowed', { Allow: 'GET, HEAD, POST' });
  if (!context.limits.perClient.take(clientAddress)) throw new HttpStatusError(429, 'tooManyRequests', { 'Retry-After': '3600' });
  const body = await readFormBody(request);
  const mailbox = readEmailField(body.get('email'));
  const chosen = body.get('language');
  const readerLanguage = chosen !== null && (LANGUAGE_CODES as string[]).includes(chosen) ? chosen : language;

  if (context.limits.perAddress.take(mailbox)) {
    const now = context.now();
    context.readers.removeUnconfirmed(new Date(now.getTime() - CONFIRMATION_LIFETIME_MS));
    context.readers.add({ address: mailbox, language: readerLanguage }, 'pending', readerLanguage);
    const expires = Math.floor((now.getTime() + CONFIRMATION_LIFETIME_MS) / 1000);
    const link = new URL(`${context.publicUrl}/confirm`);
    link.searchParams.set('address', mailbox);
    link.searchParams.set('language', readerLanguage);
    link.searchParams.set('expires', String(expires));
    link.searchParams.set('token', signReaderToken(context.secret, { kind: 'confirm', address: mailbox, language: readerLanguage, expires }));
    context.sendConfirmation(mailbox, readerLanguage, link.href);
  }
  const words = getReaderPageMessages(readerLanguage);
  sendReaderPage(response, 200, { language: readerLanguage, title: words.subscribeTitle, lines: [words.checkYourInbox(mailbox)], back: { href: '/', text: words.backToArchive } });
}

// --- internal ---

// `Deutsch`, `日本語`: each language named as its readers name it.
function nameInItself(code: string): string {
  return new Intl.DisplayNames(code, { type: 'language' }).of(code) ?? code;
}

function readEmailField(value: string | null): string {
  const parsed = value === null || value.length > 254 ? 'too long' : parseMailAddresses(value);
  if (typeof parsed === 'string' || parsed.length !== 1 || parsed[0]!.includes('<')) throw new HttpStatusError(400, 'badAddress');
  return toMailbox(parsed[0]!);
}
