import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../output/write-file-atomic.js';

const CollectedPapersSchema = z.object({
  schemaVersion: z.literal(1),
  period: z.string(),
  papers: z.array(z.object({ id: z.string(), version: z.number().int().positive(), reason: z.string().optional() })),
});
export type CollectedPaper = z.infer<typeof CollectedPapersSchema>['papers'][number];

/** `issues/<period>.collected.json`: the papers `nightly --month/--week` briefed for a period, which its issue is built from. */
export function getCollectedPapersPath(outputDir: string, period: string): string {
  return join(outputDir, 'issues', `${period}.collected.json`);
}

/** The papers collected for the period; none when nothing was (or the file is not ours). */
export async function readCollectedPapers(outputDir: string, period: string): Promise<CollectedPaper[]> {
  try {
    const parsed = CollectedPapersSchema.safeParse(JSON.parse(await readFile(getCollectedPapersPath(outputDir, period), 'utf8')));
    return parsed.success && parsed.data.period === period ? parsed.data.papers : [];
  } catch {
    return [];
  }
}

/** Adds papers to the period's collection (a rerun adds what is new; each paper once). */
export async function addCollectedPapers(outputDir: string, period: string, papers: readonly CollectedPaper[]): Promise<void> {
  const stored = await readCollectedPapers(outputDir, period);
  const known = new Set(stored.map((paper) => `${paper.id}v${paper.version}`));
  const added = papers.filter((paper) => !known.has(`${paper.id}v${paper.version}`));
  await writeFileAtomic(getCollectedPapersPath(outputDir, period), `${JSON.stringify({ schemaVersion: 1, period, papers: [...stored, ...added] }, null, 2)}\n`);
}
