import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Deadline } from '../config/parse-deadline.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type ResolvedDeadline, resolveDeadline } from './resolve-deadline.js';

const FirstAttemptSchema = z.object({ startedAt: z.number() });

/**
 * The night's deadline, counted from its first attempt: the first run of a date records when it started (in
 * `<cacheDir>/batches/nights/<date>.json`), and a rerun of that date counts from then, so a rerun past the
 * deadline sends at once instead of taking tomorrow's.
 */
export async function resolveNightDeadline(deadline: Deadline, options: { cacheDir: string; date: string; startedAt: number }): Promise<ResolvedDeadline> {
  const path = join(options.cacheDir, 'batches', 'nights', `${options.date}.json`);
  const recorded = FirstAttemptSchema.safeParse(await readFile(path, 'utf8').then((text) => JSON.parse(text) as unknown).catch(() => undefined));
  if (recorded.success && recorded.data.startedAt < options.startedAt) return { ...resolveDeadline(deadline, recorded.data.startedAt), firstAttemptAt: recorded.data.startedAt };
  await writeFileAtomic(path, `${JSON.stringify({ startedAt: options.startedAt })}\n`);
  return resolveDeadline(deadline, options.startedAt);
}
