import { signReaderToken } from './sign-reader-token.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';

/**
 * One reader's one-click unsubscribe link (RFC 8058): the https target with `address` and `token`, where the
 * token is HMAC-SHA256 of the lower-cased mailbox under the configured secret, so the unsubscribe page can
 * check it with the same secret and no list of tokens. Without a secret, or for a mailto: target, the target as it is.
 */
export function readerUnsubscribeUrl(target: string, reader: string, secret: string | undefined): { url: string; oneClick: boolean } {
  if (secret === undefined || !target.startsWith('https://')) return { url: target, oneClick: false };
  const mailbox = toMailbox(reader);
  const url = new URL(target);
  url.searchParams.set('address', mailbox);
  url.searchParams.set('token', signReaderToken(secret, { kind: 'unsubscribe', address: mailbox }));
  return { url: url.href, oneClick: true };
}
