import { toReaderId } from './to-reader-id.js';

/** Every address in a server's free text replaced by its reader id, so a line about a reader can go to shared output. */
export function hideAddresses(text: string): string {
  return text.replace(ADDRESS, (_match, address: string) => toReaderId(address));
}

// --- internal ---

// `ada@example.com`, `<ada@example.com>`, a Unicode domain too; a sentence's full stop after it is not part of it.
const ADDRESS = /<?([^\s<>()[\]@,;:"']+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*)>?/gu;
