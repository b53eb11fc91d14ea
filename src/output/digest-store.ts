import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Brief } from '../brief/brief-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { readStoredBrief } from './brief-store.js';
import { renderAtomFeed } from './render-atom-feed.js';
import { renderDigestMarkdown } from './render-digest-markdown.js';
import { type Edition, renderEditionHtml } from './render-edition-html.js';
import { renderJsonFeed } from './render-json-feed.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';

// Feeds carry this many of the newest editions.
const FEED_EDITIONS = 20;

export const DigestIndexSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  papers: z.array(z.object({ id: z.string(), version: z.number().int().positive(), title: z.string() })),
});
export type DigestIndex = z.infer<typeof DigestIndexSchema>;

export function getDigestPaths(outputDir: string, date: string) {
  const stem = join(outputDir, 'digests', date);
  return { markdown: `${stem}.md`, json: `${stem}.json`, html: `${stem}.html` };
}

/**
 * Writes the day's edition, all rendered from the briefs alone so `summarize digest` reproduces it:
 * `digests/<date>.md`, `.html` (self-contained, email-ready), `.json` (the papers in order), and the feeds.
 */
export async function writeDigest(
  outputDir: string,
  date: string,
  briefs: readonly Brief[],
  { publicUrl }: { publicUrl?: string | undefined } = {},
): Promise<ReturnType<typeof getDigestPaths>> {
  const paths = getDigestPaths(outputDir, date);
  const index: DigestIndex = {
    schemaVersion: 1,
    date,
    papers: briefs.map((brief) => ({ id: brief.paper.id, version: brief.paper.version, title: brief.paper.title })),
  };
  await writeFileAtomic(paths.markdown, renderDigestMarkdown(date, briefs));
  const { html } = renderEditionHtml({ date, briefs: [...briefs], links: { markdown: `${date}.md`, json: `${date}.json`, feed: '../feed.xml' } }, { images: 'inline' });
  await writeFileAtomic(paths.html, html);
  // The index goes last: it is what `summarize digest` and the feeds read back.
  await writeFileAtomic(paths.json, `${JSON.stringify(index, null, 2)}\n`);
  await writeFeeds(outputDir, publicUrl);
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
  let index: DigestIndex;
  try {
    index = DigestIndexSchema.parse(JSON.parse(text));
  } catch {
    throw new BriefError(`${paths.json} is not a digest index written by summarize; run \`summarize nightly --date ${date}\` again`);
  }
  const briefs: Brief[] = [];
  for (const paper of index.papers) {
    const brief = await readStoredBrief(outputDir, paper.id, paper.version);
    if (!brief) throw new BriefError(`${paths.json} lists ${formatArxivId(paper)}, but its brief is missing or invalid in ${join(outputDir, 'papers')}`);
    briefs.push(brief);
  }
  return briefs;
}

/** `feed.xml` (Atom) and `feed.json` (JSON Feed) in the output folder, from the newest editions. */
export async function writeFeeds(outputDir: string, publicUrl: string | undefined): Promise<void> {
  const base = (publicUrl ?? pathToFileURL(resolve(outputDir)).href).replace(/\/+$/, '');
  const dates = (await readdir(join(outputDir, 'digests')).catch(() => []))
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name))
    .map((name) => name.slice(0, 10))
    .sort()
    .reverse()
    .slice(0, FEED_EDITIONS);
  const editions: Edition[] = [];
  for (const date of dates) editions.push({ date, briefs: await readDigestBriefs(outputDir, date) });
  const title = 'arxiv-brief: daily papers';
  await writeFileAtomic(join(outputDir, 'feed.xml'), renderAtomFeed(editions, { siteUrl: `${base}/digests`, feedUrl: `${base}/feed.xml`, title }));
  await writeFileAtomic(join(outputDir, 'feed.json'), renderJsonFeed(editions, { siteUrl: `${base}/digests`, feedUrl: `${base}/feed.json`, title }));
}
