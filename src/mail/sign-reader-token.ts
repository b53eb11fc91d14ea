import { createHmac, timingSafeEqual } from 'node:crypto';
import { toMailbox } from '../reader-sends/to-mailbox.js';

/**
 * What a link lets its holder do, for one reader: unsubscribe them, confirm their subscription (in a language, until
 * a time), or vote on one paper. Each kind signs different bytes, so a token of one never works as another.
 */
export type ReaderTokenSubject =
  | { kind: 'unsubscribe'; address: string }
  | { kind: 'confirm'; address: string; language: string; expires: number }
  | { kind: 'feedback'; address: string; paperId: string };

/**
 * The token of a reader's link: HMAC-SHA256 under SUMMARIZE_UNSUBSCRIBE_SECRET, 32 hex digits. The unsubscribe token
 * signs the mailbox alone, as every copy mailed so far carries it; the others sign their kind and fields too.
 */
export function signReaderToken(secret: string, subject: ReaderTokenSubject): string {
  const mailbox = toMailbox(subject.address);
  const message =
    subject.kind === 'unsubscribe' ? mailbox : subject.kind === 'confirm' ? ['confirm', mailbox, subject.language, String(subject.expires)].join('\u0000') : ['feedback', mailbox, subject.paperId].join('\u0000');
  return createHmac('sha256', secret).update(message).digest('hex').slice(0, TOKEN_HEX_CHARS);
}

/** Whether `token` is the subject's, compared in constant time so the answer's timing tells nothing about the right one. */
export function isReaderTokenValid(secret: string, subject: ReaderTokenSubject, token: string): boolean {
  const expected = Buffer.from(signReaderToken(secret, subject));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// --- internal ---

// 128 bits: unguessable, and short enough for a header line.
const TOKEN_HEX_CHARS = 32;
