import type { Reader } from './reader.js';
import type { ReaderRuleKind, ReadersStore } from './readers-store.js';

/** A `readers never` or `readers follow` request: a keyword or author to add or remove, or none to list them. */
export interface ReaderRuleChange {
  kind: ReaderRuleKind;
  value?: string | undefined;
  remove: boolean;
}

/** Adds, removes or lists one reader's rules of a kind; returns the line to print. */
export function changeReaderRule(readers: ReadersStore, reader: Reader, change: ReaderRuleChange): string {
  const { kind, value, remove } = change;
  const what = kind === 'never' ? 'never shows papers matching' : 'always shows papers by';
  if (value === undefined) {
    const rules = readers.listRules(reader.id, kind);
    return rules.length === 0 ? `${reader.address}'s copy has no "${kind}" rule` : `${reader.address}'s copy ${what}: ${rules.join(', ')}`;
  }
  if (remove) return readers.removeRule(reader.id, kind, value) ? `${reader.address}'s copy no longer ${kind === 'never' ? 'hides papers matching' : 'always shows papers by'} ${JSON.stringify(value)}` : `${reader.address} had no "${kind}" rule for ${JSON.stringify(value)}; nothing removed`;
  return readers.addRule(reader.id, kind, value) ? `${reader.address}'s copy ${what} ${JSON.stringify(value)}` : `${reader.address}'s copy already ${what} ${JSON.stringify(value)}; left as it is`;
}
