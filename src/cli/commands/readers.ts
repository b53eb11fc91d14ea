import { readFile } from 'node:fs/promises';
import { text as readStream } from 'node:stream/consumers';
import { loadConfig } from '../../config/load-config.js';
import { parseMailAddresses } from '../../config/parse-mail-addresses.js';
import { parseArxivId } from '../../arxiv/parse-arxiv-id.js';
import { BriefError, UsageError } from '../../errors/brief-error.js';
import { parseLanguageTag } from '../../language/parse-language-tag.js';
import { explainReaderScore } from '../../readers/explain-reader-score.js';
import { type ReadersAction, manageReaders } from '../../readers/manage-readers.js';
import { READER_STATES, type ReaderState } from '../../readers/reader.js';
import type { Outcome } from '../../run/outcome.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';

/** `summarize readers add|remove|list|import|export|library|never|follow`: parse the flags, then one change to (or read of) the readers database. */
export async function runReaders(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('readers', argv, {
    name: { type: 'string' },
    language: { type: 'string' },
    state: { type: 'string' },
    votes: { type: 'boolean', default: false },
    out: { type: 'string' },
    remove: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  });
  const [action, ...operands] = positionals;
  if (action === 'explain') {
    const request = readExplainRequest(operands, values);
    io.stdout.write(await explainReaderScore(loadConfig({ env: io.env, flags: { outputDir: values.out } }), request));
    return 'done';
  }
  const request = await readAction(action, operands, values, io);
  const config = loadConfig({ env: io.env, flags: { outputDir: values.out } });
  const result = manageReaders(config, request);
  if (result.output !== undefined) io.stdout.write(result.output);
  if (result.message !== undefined && !values.quiet) io.stderr.write(`${result.message}\n`);
  return 'done';
}

// --- internal ---

type Flags = { name?: string | undefined; language?: string | undefined; state?: string | undefined; votes: boolean; remove: boolean };

const ACTIONS = ['add', 'remove', 'list', 'import', 'export', 'library', 'never', 'follow', 'explain'];

async function readAction(action: string | undefined, operands: string[], flags: Flags, io: CliIo): Promise<ReadersAction> {
  if (action === undefined || !ACTIONS.includes(action)) throw new UsageError(`readers: expected one of ${ACTIONS.join(', ')}${action === undefined ? '' : `, not ${JSON.stringify(action)}`}`);
  const only = (allowed: Array<keyof Flags>) => assertOnlyFlags(action, flags, allowed);
  const expectOperands = (count: number, what: string) => {
    if (operands.length !== count) throw new UsageError(`readers ${action}: expected ${what}${operands.length > count ? `; unexpected ${JSON.stringify(operands[count])}` : ''}`);
  };
  switch (action) {
    case 'add':
      only(['name', 'language']);
      expectOperands(1, 'one address, e.g. readers add ada@example.org --name "Ada Lovelace"');
      return { action, reader: { address: parseAddress(operands[0]!), name: flags.name, language: flags.language === undefined ? undefined : parseLanguageTag(flags.language) } };
    case 'remove':
      only([]);
      expectOperands(1, 'one address');
      return { action, address: parseAddress(operands[0]!) };
    case 'list':
      only(['state']);
      expectOperands(0, 'no argument');
      return { action, state: flags.state === undefined ? undefined : parseState(flags.state) };
    case 'import':
      only([]);
      expectOperands(1, 'a CSV file (address,name,language a line), or - for stdin');
      return { action, csv: await readCsv(operands[0]!, io), source: operands[0] === '-' ? 'stdin' : operands[0]! };
    case 'library':
      only([]);
      expectOperands(2, 'an address and a library file, e.g. readers library ada@example.org My-Library.bib (BibTeX, RIS or CSL JSON)');
      return { action, address: parseAddress(operands[0]!), file: operands[1]! };
    case 'never':
    case 'follow': {
      only(['remove']);
      const example = action === 'never' ? 'readers never ada@example.org blockchain' : 'readers follow ada@example.org "Yoshua Bengio"';
      if (operands.length < 1 || operands.length > 2) throw new UsageError(`readers ${action}: expected an address and ${action === 'never' ? 'a keyword' : 'an author'} (or the address alone to list them), e.g. ${example}`);
      const value = operands[1]?.replace(/\s+/g, ' ').trim();
      if (value === '') throw new UsageError(`readers ${action}: the ${action === 'never' ? 'keyword' : 'author'} is empty, e.g. ${example}`);
      if (flags.remove && value === undefined) throw new UsageError(`readers ${action}: --remove needs the ${action === 'never' ? 'keyword' : 'author'} to remove, e.g. ${example} --remove`);
      return { action: 'rule', kind: action, address: parseAddress(operands[0]!), value, remove: flags.remove };
    }
    default:
      only(['votes']);
      expectOperands(0, 'no argument');
      return { action: 'export', votes: flags.votes };
  }
}

// `readers explain ADDRESS PAPER`: the paper as any arXiv ID form, its version ignored (a reader votes on the paper).
function readExplainRequest(operands: string[], flags: Flags): { address: string; paperId: string } {
  assertOnlyFlags('explain', flags, []);
  if (operands.length !== 2) throw new UsageError(`readers explain: expected an address and a paper, e.g. readers explain ada@example.org 2509.08721${operands.length > 2 ? `; unexpected ${JSON.stringify(operands[2])}` : ''}`);
  return { address: parseAddress(operands[0]!), paperId: parseArxivId(operands[1]!).id };
}

// Each action takes its own few of the command's flags: another one given is refused, not ignored.
function assertOnlyFlags(action: string, flags: Flags, allowed: ReadonlyArray<keyof Flags>): void {
  const given = (['name', 'language', 'state', 'votes', 'remove'] as const).find((flag) => flags[flag] !== undefined && flags[flag] !== false && !allowed.includes(flag));
  if (given) throw new UsageError(`readers ${action}: --${given} does not apply here`);
}

function parseAddress(value: string): string {
  const parsed = parseMailAddresses(value);
  if (typeof parsed === 'string' || parsed.length !== 1) throw new UsageError(`readers: ${typeof parsed === 'string' ? parsed : 'expected one address'}`);
  return parsed[0]!.replace(/^.*<([^>]+)>$/, '$1');
}

function parseState(value: string): ReaderState {
  if (!(READER_STATES as readonly string[]).includes(value)) throw new UsageError(`readers list: --state takes ${READER_STATES.join(', ')}, not ${JSON.stringify(value)}`);
  return value as ReaderState;
}

async function readCsv(source: string, io: CliIo): Promise<string> {
  if (source === '-') return readStream(io.stdin);
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new BriefError(`readers import: cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}
