import type { Config } from '../config/config-schema.js';
import { UsageError } from '../errors/brief-error.js';
import { describeLibraryImport } from '../library/describe-library-import.js';
import type { LibraryFile } from '../library/parse-library-file.js';
import { readLibraryFile } from '../library/read-library-file.js';
import { describeDatabaseFailure } from './describe-database-failure.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';
import { openReadersDatabase } from './open-readers-database.js';
import { parseReadersCsv } from './parse-readers-csv.js';
import { READER_STATES, type Reader, type ReaderState } from './reader.js';
import { createReadersStore, type NewReader, type ReadersStore } from './readers-store.js';
import { renderReadersCsv, renderVotesCsv } from './render-readers-csv.js';
import { renderReadersTable } from './render-readers-table.js';
import { type ReaderRuleChange, changeReaderRule } from './change-reader-rule.js';

/** One `summarize readers` action, its flags already parsed. */
export type ReadersAction =
  | { action: 'add'; reader: NewReader }
  | { action: 'remove'; address: string }
  | { action: 'list'; state?: ReaderState | undefined }
  | { action: 'import'; csv: string; source: string }
  | { action: 'export'; votes: boolean }
  | { action: 'library'; address: string; file: string }
  | ({ action: 'rule'; address: string } & ReaderRuleChange);

/** What to print: `output` on stdout (a table, CSV), `message` on stderr for a person. */
export interface ReadersResult {
  output?: string;
  message?: string;
}

/**
 * `summarize readers`: adds, removes, lists, imports and exports the readers of the database in the data folder, and
 * sets a reader's library and rules. Adding and importing create it; the others need it. An import is all or nothing:
 * a file with a problem adds nobody, and a library file with a problem changes nothing.
 */
export function manageReaders(config: Config, request: ReadersAction): ReadersResult {
  const path = getReadersDatabasePath(config);
  // Read before the database is opened: a file we cannot use changes nothing.
  const library = request.action === 'library' ? readLibraryFile(request.file) : undefined;
  const creates = request.action === 'add' || request.action === 'import';
  const connection = openReadersDatabase(path, { create: creates });
  if (connection === undefined) {
    if (request.action === 'list' || request.action === 'export') return { output: request.action === 'list' ? '' : request.votes ? renderVotesCsv([]) : renderReadersCsv([]), message: `no readers yet: ${path} does not exist (\`summarize readers add\` or \`import\` creates it)` };
    if (request.action === 'library' || request.action === 'rule') throw new UsageError(`readers ${describeCommand(request)}: no reader ${request.address}: ${path} does not exist (\`summarize readers add ${request.address}\` creates it)`);
    return { message: `no reader ${request.action === 'remove' ? request.address : ''}: ${path} does not exist; nothing removed` };
  }
  try {
    return applyAction(createReadersStore(connection), request, config, path, library);
  } catch (error) {
    throw describeDatabaseFailure(error, path);
  } finally {
    connection.close();
  }
}

// --- internal ---

function applyAction(readers: ReadersStore, request: ReadersAction, config: Config, path: string, library: LibraryFile | undefined): ReadersResult {
  switch (request.action) {
    case 'add': {
      const { reader, added } = readers.add(request.reader, 'active', config.language);
      return { message: added ? `added ${reader.address} (active) to ${path}` : `${reader.address} is already a reader (${reader.state}); left as it is` };
    }
    case 'remove':
      return { message: readers.remove(request.address) ? `removed ${request.address} with their sends, votes, library and rules` : `no reader ${request.address} in ${path}; nothing removed` };
    case 'list': {
      const listed = readers.list().filter((reader) => request.state === undefined || reader.state === request.state);
      const counts = READER_STATES.map((state) => [state, listed.filter((reader) => reader.state === state).length] as const).filter(([, count]) => count > 0);
      return { output: renderReadersTable(listed), message: `${listed.length} reader${listed.length === 1 ? '' : 's'}${counts.length > 0 ? `: ${counts.map(([state, count]) => `${count} ${state}`).join(', ')}` : ''}` };
    }
    case 'import': {
      const { readers: imported, problems } = parseReadersCsv(request.csv);
      if (problems.length > 0) throw new UsageError(`readers import: ${request.source} was not imported (nobody was added):\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
      // A file from `readers export` keeps each reader's state: an unsubscribed reader stays unsubscribed.
      const { added, existing } = readers.addMany(imported, 'active', config.language);
      return { message: `imported ${added} reader${added === 1 ? '' : 's'} into ${path}${existing > 0 ? `; ${existing} already there, left as they are` : ''}` };
    }
    case 'export':
      return { output: request.votes ? renderVotesCsv(readers.listVotes()) : renderReadersCsv(readers.list()) };
    case 'library': {
      const reader = findReader(readers, request, path);
      const replaced = readers.replaceLibrary(reader.id, library!.items);
      return { message: describeLibraryImport(reader.address, library!, replaced) };
    }
    case 'rule':
      return { message: changeReaderRule(readers, findReader(readers, request, path), request) };
  }
}

function findReader(readers: ReadersStore, request: ReadersAction & { address: string }, path: string): Reader {
  const reader = readers.find(request.address);
  if (reader === undefined) throw new UsageError(`readers ${describeCommand(request)}: no reader ${request.address} in ${path}; add them first with \`summarize readers add ${request.address}\``);
  return reader;
}

// The word the person typed: `readers never` and `readers follow` are both rules.
function describeCommand(request: ReadersAction): string {
  return request.action === 'rule' ? request.kind : request.action;
}
