import { createHash } from 'node:crypto';
import { toMailbox } from './to-mailbox.js';

/**
 * A reader's name in shared output (cron mail, logs, `send --status`): `#` and 8 hex digits of a hash of the
 * mailbox. The same every day and every run, unique per reader, and it says nothing about the address to someone
 * who does not already know it; the private record in `mail/` maps it back to the address.
 */
export function toReaderId(recipient: string): string {
  return `#${createHash('sha256').update(`arxiv-brief reader\u0000${toMailbox(recipient)}`).digest('hex').slice(0, READER_ID_HEX_CHARS)}`;
}

// --- internal ---

// 32 bits: a collision is unlikely below tens of thousands of readers, and the id stays short enough to read out.
const READER_ID_HEX_CHARS = 8;
