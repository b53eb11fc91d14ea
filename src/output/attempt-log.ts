import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BriefError } from '../errors/brief-error.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** What is sent of a day: its edition, or (SUMMARIZE_NOTIFY_EMPTY) the note that it has none; each has its own record. */
export type MailingKind = 'edition' | 'note';

/** Every attempt to deliver one day's edition (or note) somewhere, oldest first: what stops a second delivery. */
export interface AttemptLog<Attempt> {
  schemaVersion: 1;
  date: string;
  kind?: 'note' | undefined;
  attempts: Attempt[];
}

/**
 * A store of attempt logs in `mail/<date>[.note].<suffix>.json`, kept out of the published folders. An intent is
 * written before delivering and replaced by its outcome, so a crash in between is found by the next run.
 */
export function createAttemptLogStore<Attempt>(options: {
  attempt: z.ZodType<Attempt>;
  /** `sent` (mail), `channels` (chat). */
  suffix: string;
  /** Names the file in the error for a damaged one: "a send record". */
  name: string;
  /** The attempt an outcome replaces: its own intent. */
  isSameAttempt: (left: Attempt, right: Attempt) => boolean;
}) {
  const schema = z.object({ schemaVersion: z.literal(1), date: z.string(), kind: z.literal('note').optional(), attempts: z.array(options.attempt) });
  const getPath = (outputDir: string, date: string, kind: MailingKind = 'edition') => join(outputDir, 'mail', `${date}${kind === 'note' ? '.note' : ''}.${options.suffix}.json`);
  return {
    getPath,
    /** The day's log, or an empty one when nothing was ever delivered; a damaged log stops the delivery rather than risk a double. */
    async read(outputDir: string, date: string, kind: MailingKind = 'edition'): Promise<AttemptLog<Attempt>> {
      const path = getPath(outputDir, date, kind);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return { schemaVersion: 1, date, ...(kind === 'note' ? { kind } : {}), attempts: [] };
      }
      try {
        return schema.parse(JSON.parse(text)) as AttemptLog<Attempt>;
      } catch {
        throw new BriefError(`${path} is not ${options.name} written by summarize; check whether the edition went out, then move the file away`);
      }
    },
    /** Adds the attempt, or replaces its intent, atomically. */
    async record(outputDir: string, log: AttemptLog<Attempt>, attempt: Attempt): Promise<AttemptLog<Attempt>> {
      const updated: AttemptLog<Attempt> = { ...log, attempts: [...log.attempts.filter((entry) => !options.isSameAttempt(entry, attempt)), attempt] };
      await writeFileAtomic(getPath(outputDir, log.date, log.kind), `${JSON.stringify(updated, null, 2)}\n`);
      return updated;
    },
  };
}
