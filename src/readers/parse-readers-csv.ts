import { parseMailAddresses } from '../config/parse-mail-addresses.js';
import { describeLanguageProblem } from '../language/parse-language-tag.js';
import { parseCsvRows } from './parse-csv-rows.js';
import { READER_STATES, type ReaderState } from './reader.js';
import type { NewReader } from './readers-store.js';

/** A reader from a CSV line; `state` only when the file has that column (a file from `readers export`). */
export type ImportedReader = NewReader & { state?: ReaderState | undefined };

/**
 * The readers of a CSV file: columns address, name, language (and state, as `readers export` writes), named by a
 * header line or in that order without one. Every problem is collected with its line, so one pass fixes the file.
 */
export function parseReadersCsv(text: string): { readers: ImportedReader[]; problems: string[] } {
  const parsed = parseCsvRows(text);
  if (!Array.isArray(parsed)) return { readers: [], problems: [`line ${parsed.line}: ${parsed.problem}`] };
  const [first, ...rest] = parsed;
  if (first === undefined) return { readers: [], problems: ['no readers: expected lines of address,name,language'] };
  const hasHeader = first.fields.some((field) => field.trim().toLowerCase() === 'address');
  const columns = hasHeader ? first.fields.map((field) => field.trim().toLowerCase()) : ['address', 'name', 'language'];
  const rows = hasHeader ? rest : parsed;
  const readers: ImportedReader[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of rows) {
    const value = (column: string) => {
      const index = columns.indexOf(column);
      const text = index < 0 ? undefined : fields[index]?.trim();
      return text === '' ? undefined : text;
    };
    const problem = (message: string) => problems.push(`line ${line}: ${message}`);
    const address = parseOneAddress(value('address'));
    if (typeof address !== 'string' || address.includes('<')) {
      problem(address === undefined ? 'no address' : `${JSON.stringify(value('address'))} is not one email address`);
      continue;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) problem(`${address} is listed twice`);
    seen.add(key);
    const language = value('language');
    const languageProblem = language === undefined ? undefined : describeLanguageProblem(language);
    if (languageProblem) problem(`language: ${languageProblem}`);
    const state = value('state');
    if (state !== undefined && !(READER_STATES as readonly string[]).includes(state)) problem(`state: expected one of ${READER_STATES.join(', ')}, got ${JSON.stringify(state)}`);
    readers.push({
      address,
      name: value('name'),
      language: language === undefined || languageProblem ? undefined : Intl.getCanonicalLocales(language)[0],
      ...(state === undefined ? {} : { state: state as ReaderState }),
    });
  }
  if (readers.length === 0 && problems.length === 0) problems.push('no readers: expected lines of address,name,language');
  return { readers, problems };
}

// --- internal ---

function parseOneAddress(value: string | undefined): string | undefined | false {
  if (value === undefined) return undefined;
  const parsed = parseMailAddresses(value);
  return typeof parsed === 'string' || parsed.length !== 1 ? false : parsed[0]!;
}
