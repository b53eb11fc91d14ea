import { mkdir, open, readFile, truncate } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { BriefError } from '../errors/brief-error.js';
import type { MailingKind } from '../output/attempt-log.js';
import { OutputWriteError } from '../output/output-write-error.js';
import { convertAttemptLog } from './convert-attempt-log.js';
import { type ReaderSendState, ReaderSendStateSchema } from './reader-send-state.js';
import type { ReaderSendStore } from './reader-send-store.js';

/** `mail/<date>[.note].sent.jsonl`: where the file store keeps a mailing's per-reader outcomes (private: never published). */
export function getReaderSendRecordPath(outputDir: string, date: string, kind: MailingKind = 'edition'): string {
  return join(outputDir, 'mail', `${date}${kind === 'note' ? '.note' : ''}.sent.jsonl`);
}

/**
 * The per-reader record as a journal: a header line, then one JSON line per outcome, appended and fsynced before
 * `record` returns, so each message costs one short write however long the list. The last line for a mailbox wins.
 * A line cut short by a crash is the record that never returned: it is dropped (and cut off before the next append).
 * A record of the older format (`<date>.sent.json`, one entry per attempt) is read and carried over.
 */
export function createFileReaderSendStore(outputDir: string, date: string, kind: MailingKind = 'edition'): ReaderSendStore {
  const path = getReaderSendRecordPath(outputDir, date, kind);
  let loaded: Journal | undefined;

  const load = async () => {
    loaded ??= (await readJournal(path, { date, kind })) ?? {
      states: new Map((await readOlderRecord(join(outputDir, 'mail', `${date}${kind === 'note' ? '.note' : ''}.sent.json`))).map((state) => [state.mailbox, state])),
      exists: false,
      tornAt: undefined,
    };
    return loaded;
  };

  return {
    async read() {
      return [...(await load()).states.values()];
    },
    async record(state) {
      const journal = await load();
      const parsed = ReaderSendStateSchema.parse(state);
      // A new journal starts with its header and whatever the older record said.
      const lines = journal.exists ? [] : [JSON.stringify({ schemaVersion: 2, date, ...(kind === 'note' ? { kind } : {}) }), ...[...journal.states.values()].map((entry) => JSON.stringify(entry))];
      const text = `${[...lines, JSON.stringify(parsed)].join('\n')}\n`;
      await appendDurably(path, text, journal);
      journal.states.set(parsed.mailbox, parsed);
      journal.exists = true;
      journal.tornAt = undefined;
    },
  };
}

// --- internal ---

interface Journal {
  states: Map<string, ReaderSendState>;
  exists: boolean;
  /** Where a line cut short by a crash starts, to be cut off before the next append. */
  tornAt: number | undefined;
}

const HeaderSchema = z.object({ schemaVersion: z.literal(2), date: z.string(), kind: z.literal('note').optional() });

// Undefined when there is no journal yet, or only the start of its first line (a crash while creating it).
async function readJournal(path: string, expected: { date: string; kind: MailingKind }): Promise<Journal | undefined> {
  const text = await readIfExists(path);
  if (text === undefined || !text.includes('\n')) return undefined;
  const damaged = (why: string) =>
    new BriefError(`${path} is not a send record written by summarize (${why}); check with \`summarize send --status\` which readers had the mail, then move the file away`);
  // Whatever follows the last line break was being written when the process stopped.
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const [header, ...lines] = complete.split('\n').slice(0, -1);
  const parsedHeader = HeaderSchema.safeParse(parseJson(header ?? ''));
  if (!parsedHeader.success || parsedHeader.data.date !== expected.date || (parsedHeader.data.kind ?? 'edition') !== expected.kind) throw damaged('its first line does not name this mailing');
  const states = new Map<string, ReaderSendState>();
  for (const [index, line] of lines.entries()) {
    const parsed = ReaderSendStateSchema.safeParse(parseJson(line));
    if (!parsed.success) throw damaged(`line ${index + 2} is not a reader's state`);
    states.set(parsed.data.mailbox, parsed.data);
  }
  const validBytes = Buffer.byteLength(complete);
  return { states, exists: true, tornAt: validBytes < Buffer.byteLength(text) ? validBytes : undefined };
}

async function readOlderRecord(path: string): Promise<ReaderSendState[]> {
  const text = await readIfExists(path);
  if (text === undefined) return [];
  const states = convertAttemptLog(parseJson(text));
  if (states === undefined) throw new BriefError(`${path} is not a send record written by summarize; check whether the edition went out, then move the file away`);
  return states;
}

// Only a missing file is "nothing sent yet": one that cannot be read must stop the send rather than mail everyone again.
async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BriefError(`cannot read the send record ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); check who owns it`, { cause: error });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Appends and fsyncs; a torn line left by a crash is cut off first so the journal stays line by line.
async function appendDurably(path: string, text: string, journal: Journal): Promise<void> {
  try {
    if (journal.tornAt !== undefined) await truncate(path, journal.tornAt);
    if (!journal.exists) await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, journal.exists ? 'a' : 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A new file's name must survive a power cut too.
    if (!journal.exists) await syncFolder(dirname(path));
  } catch (error) {
    throw new OutputWriteError(path, error);
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
