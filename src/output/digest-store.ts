import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Brief } from '../brief/brief-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { readStoredBrief } from './brief-store.js';
import { renderDigestMarkdown } from './render-digest-markdown.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const DigestIndexSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  papers: z.array(z.object({ id: z.string(), version: z.number().int().positive(), title: z.string() })),
});
export type DigestIndex = z.infer<typeof DigestIndexSchema>;

export function getDigestPaths(outputDir: string, date: string) {
  const stem = join(outputDir, 'digests', date);
  return { markdown: `${stem}.md`, json: `${stem}.json` };
}

/** Writes `digests/<date>.json` (the day's papers in order) and the markdown rendered from the briefs alone. */
export async function writeDigest(outputDir: string, date: string, briefs: readonly Brief[]): Promise<ReturnType<typeof getDigestPaths>> {
  const paths = getDigestPaths(outputDir, date);
  const index: DigestIndex = {
    schemaVersion: 1,
    date,
    papers: briefs.map((brief) => ({ id: brief.paper.id, version: brief.paper.version, title: brief.paper.title })),
  };
  await writeFileAtomic(paths.markdown, renderDigestMarkdown(date, briefs));
  await writeFileAtomic(paths.json, `${JSON.stringify(index, null, 2)}\n`);
  return paths;
}

/** The briefs of a day's digest, in its order, read back from the stored JSON. */
export async function readDigestBriefs(outputDir: string, date: string): Promise<Brief[]> {
  const paths = getDigestPaths(outputDir, date);
  let text: string;
  try {
    text = await readFile(paths.json, 'utf8');
  } catch {
    throw new BriefError(`no digest for ${date} in ${join(outputDir, 'digests')}: run \`summarize nightly --date ${date}\` first`);
  }
  const index = DigestIndexSchema.safeParse(JSON.parse(text));
  if (!index.success) throw new BriefError(`${paths.json} is not a digest index (${index.error.issues[0]?.message})`);
  const briefs: Brief[] = [];
  for (const paper of index.data.papers) {
    const brief = await readStoredBrief(outputDir, paper.id, paper.version);
    if (!brief) throw new BriefError(`${paths.json} lists ${paper.id}v${paper.version}, but its brief is missing or invalid in ${join(outputDir, 'papers')}`);
    briefs.push(brief);
  }
  return briefs;
}
