import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BriefError } from '../errors/brief-error.js';
import type { ReaderPick } from '../learn/rank-for-reader.js';
import type { ScoreParts } from '../learn/score-parts.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { toReaderId } from '../reader-sends/to-reader-id.js';

const ScorePartsSchema = z.object({
  sharedScore: z.number().nullable(),
  sharedPercentile: z.number(),
  modelScore: z.number().nullable(),
  modelPercentile: z.number().nullable(),
  modelWeight: z.number(),
  nearestLiked: z.object({ title: z.string(), similarity: z.number() }).nullable(),
  features: z.enum(['embeddings', 'tf-idf', 'none']),
  rule: z.object({ kind: z.literal('follow'), author: z.string() }).nullable(),
}) satisfies z.ZodType<ScoreParts>;

const RecordedPickSchema = z.object({
  paperId: z.string(),
  score: z.number(),
  reason: z.string(),
  explore: z.boolean(),
  /** The shared ranking's reason, which the parts do not keep. */
  sharedReason: z.string().nullable(),
  parts: ScorePartsSchema,
});
export type RecordedPick = z.infer<typeof RecordedPickSchema>;

/** `mail/<date>.copies.json`: each reader's picks, in their copy's order, keyed by reader id (never an address); private like the rest of `mail/`. */
const ReaderCopiesSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  readers: z.record(z.string(), z.array(RecordedPickSchema)),
});

export function getReaderCopiesPath(outputDir: string, date: string): string {
  return join(outputDir, 'mail', `${date}.copies.json`);
}

/** Records the day's copies, so `send` (now or on a retry) mails each reader the copy the night ranked; no copies removes an earlier record. */
export async function writeReaderCopies(outputDir: string, date: string, copies: ReadonlyMap<string, readonly ReaderPick[]>, sharedReasons: ReadonlyMap<string, string>): Promise<void> {
  const path = getReaderCopiesPath(outputDir, date);
  if (copies.size === 0) return rm(path, { force: true });
  const readers = Object.fromEntries(
    [...copies].map(([address, picks]) => [toReaderId(address), picks.map((pick): RecordedPick => ({ paperId: pick.paperId, score: pick.score, reason: pick.reason, explore: pick.explore, sharedReason: sharedReasons.get(pick.paperId) ?? null, parts: pick.parts }))]),
  );
  await writeFileAtomic(path, `${JSON.stringify({ schemaVersion: 1, date, readers }, null, 2)}\n`);
}

/** The day's copies by reader id (`toReaderId`), or undefined when the night ranked none (every reader gets the shared edition). */
export async function readReaderCopies(outputDir: string, date: string): Promise<Map<string, RecordedPick[]> | undefined> {
  const path = getReaderCopiesPath(outputDir, date);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  let parsed;
  try {
    parsed = ReaderCopiesSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new BriefError(`${path} is not a record of readers' copies written by summarize; run \`summarize nightly --date ${date} --send\` again, or remove it to mail everyone the shared edition`, { cause: error });
  }
  return new Map(Object.entries(parsed.readers));
}

