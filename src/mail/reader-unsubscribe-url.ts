import { createHmac } from 'node:crypto';
import { toMailbox } from './to-mailbox.js';

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
  url.searchParams.set('token', createHmac('sha256', secret).update(mailbox).digest('hex').slice(0, TOKEN_HEX_CHARS));
  return { url: url.href, oneClick: true };
}

// --- internal ---

// 128 bits: unguessable, and short enough for a header line.
const TOKEN_HEX_CHARS = 32;
