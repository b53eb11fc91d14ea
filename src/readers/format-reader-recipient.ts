import type { Reader } from './reader.js';

/** `"Ada Lovelace" <ada@example.org>`, or the bare address without a name: the reader's copy is addressed to them by name. */
export function formatReaderRecipient(reader: Pick<Reader, 'address' | 'name'>): string {
  return reader.name === '' ? reader.address : `${JSON.stringify(reader.name.replace(/[\r\n]+/g, ' '))} <${reader.address}>`;
}
