import { toMailbox } from './to-mailbox.js';
import { toReaderId } from './to-reader-id.js';

/**
 * Every address in a server's free text replaced by its reader id, so a line about a reader can go to shared output.
 * `keep`: the operator's own addresses (the sender, the SMTP login), which name no reader and help to read the line.
 */
export function hideAddresses(text: string, keep: ReadonlyArray<string | undefined> = []): string {
  const kept = new Set(keep.filter((address): address is string => address !== undefined).map(toMailbox));
  return text.replace(ADDRESS, (match, address: string) => (kept.has(toMailbox(address)) ? match : toReaderId(address)));
}

// --- internal ---

// `ada@example.com`, `<ada@example.com>`, a Unicode domain too; a sentence's full stop after it is not part of it.
const ADDRESS = /<?([^\s<>()[\]@,;:"']+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*)>?/gu;
