import { parseMailAddresses } from '../config/parse-mail-addresses.js';
import { isReaderTokenValid, type ReaderTokenSubject } from '../mail/sign-reader-token.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import { HttpStatusError } from './http-status-error.js';

/**
 * The mailbox of a signed link (`address` and `token` in its query), once the token is checked in constant time
 * against `subject`; 400 when a part is missing or malformed, 403 when the token is not this link's.
 */
export function readSignedAddress(query: URLSearchParams, secret: string, subject: (mailbox: string) => ReaderTokenSubject): string {
  const address = query.get('address');
  const token = query.get('token');
  if (address === null || token === null || address.length > MAX_ADDRESS_CHARS || token.length > MAX_TOKEN_CHARS) throw new HttpStatusError(400, 'invalidLink');
  const parsed = parseMailAddresses(address);
  if (typeof parsed === 'string' || parsed.length !== 1) throw new HttpStatusError(400, 'invalidLink');
  const mailbox = toMailbox(parsed[0]!);
  if (!isReaderTokenValid(secret, subject(mailbox), token)) throw new HttpStatusError(403, 'invalidLink');
  return mailbox;
}

// --- internal ---

// RFC 5321's longest path; a longer one is no address of ours.
const MAX_ADDRESS_CHARS = 254;
const MAX_TOKEN_CHARS = 64;
