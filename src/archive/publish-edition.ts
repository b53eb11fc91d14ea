import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Edition } from '../edition/edition.js';
import { buildDigestIndex, type DigestPaths, getDigestPaths } from '../output/digest-store.js';
import { renderDigestMarkdown } from './render-digest-markdown.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { renderArchiveFeeds } from './render-archive-feeds.js';
import { buildEditionRecord, type EditionRecord } from '../edition/edition-record.js';
import { createSearchDataWriter } from '../search/create-search-data-writer.js';
import { writeEditionRecord } from './edition-record-store.js';
import { findEditionImage } from './find-edition-image.js';
import { findPageImages, type PageImages } from './find-page-images.js';
import { forEachArchivedEdition, type Warn } from './for-each-archived-edition.js';
import { type ArchiveIndexEntry, groupByYear, renderArchiveIndex, renderArchiveYearPage, toArchiveIndexEntry } from './render-archive-index.js';
import { renderEditionPage } from './render-edition-page.js';
import { toPublicBaseUrl } from '../output/to-public-base-url.js';
import { writePaperPage } from './write-paper-page.js';
import { writeArchiveAssets } from './write-archive-assets.js';
import { SEARCH_FOLDER } from '../search/search-manifest.js';
import type { ArchivedIssue } from './archived-issue.js';

// The feeds carry this many of the newest editions.
const FEED_EDITIONS = 20;

export interface PublishEditionOptions {
  /** SUMMARIZE_PUBLIC_URL: where readers reach the output folder; feed links and the pages' og:image use it (never its login). Default: feed links relative to the folder, no og:image. */
  publicUrl?: string | undefined;
  /** Told about old editions left out of the archive and feeds; publishing goes on. */
  warn: Warn;
  /** The issues of a month or week, listed in the index and the feeds beside the editions. Default: none. */
  issues?: readonly ArchivedIssue[] | undefined;
}

export interface PublishedEdition extends DigestPaths {
  /** `index.html` of the archive. */
  index: string;
  /** Editions in the archive, this one included. */
  editions: number;
  /** For run reports and benchmarks: the size of `digests/<date>.html` and how long publishing took. */
  webEditionBytes: number;
  durationMs: number;
}

/**
 * Publishes a day's edition into the output folder: the digest (`digests/<date>.md|.json`), the web edition
 * (`digests/<date>.html`), a page per paper, the archive index with its search data, and the feeds. Rendered from
 * the edition and the stored files alone, so `summarize digest` reproduces it; paper by paper, so memory stays flat.
 */
export async function publishEdition(outputDir: string, edition: Edition, { publicUrl, warn, issues = [] }: PublishEditionOptions): Promise<PublishedEdition> {
  const startedAt = performance.now();
  const paths = getDigestPaths(outputDir, edition.date);
  await writeFileAtomic(paths.markdown, renderDigestMarkdown(edition));
  await writeEditionRecord(outputDir, buildEditionRecord(edition));
  // The index goes last: its presence makes the edition part of the archive.
  await writeFileAtomic(paths.json, `${JSON.stringify(buildDigestIndex(edition), null, 2)}\n`);

  // One pass over the archive, one edition at a time, keeping only what each output needs.
  const editionsByStem = new Map(edition.papers.map(({ brief }) => [toFileStem(brief.paper.id, brief.paper.version), [] as string[]]));
  const indexEntries: ArchiveIndexEntry[] = [];
  const feedEditions: EditionRecord[] = [];
  const searchData = await createSearchDataWriter(outputDir);
  const images = await findPageImages(outputDir, publicUrl);
  let editions: number;
  let webEdition: string;
  // Whatever fails before the search data is in place, its half-written files go too.
  try {
    editions = await forEachArchivedEdition(outputDir, warn, async (record) => {
      for (const paper of record.papers) editionsByStem.get(paper.stem)?.push(record.date);
      indexEntries.push(toArchiveIndexEntry(record));
      if (feedEditions.length < FEED_EDITIONS) feedEditions.push(record);
      await searchData.add(record);
    }, images);
    await writePaperPages(outputDir, edition, editionsByStem, images);
    // After the pages it links to.
    webEdition = renderEditionPage(edition, { image: await findEditionImage(outputDir, edition, images) });
    await writeFileAtomic(paths.html, webEdition);
    await writeArchiveAssets(outputDir);
    await searchData.commit();
  } catch (error) {
    await searchData.abort();
    throw error;
  }
  const index = await writeArchiveIndexAndFeeds(outputDir, { indexEntries, feedEditions, issues, publicUrl, image: images.site });
  return { ...paths, index, editions, webEditionBytes: Buffer.byteLength(webEdition), durationMs: Math.round(performance.now() - startedAt) };
}

/**
 * `index.html` and the feeds again, from the archived editions and the issues, without publishing an edition:
 * what a new issue of a month or week needs to be listed.
 */
export async function publishArchiveIndex(outputDir: string, { publicUrl, warn, issues = [] }: PublishEditionOptions): Promise<string> {
  const indexEntries: ArchiveIndexEntry[] = [];
  const feedEditions: EditionRecord[] = [];
  await forEachArchivedEdition(outputDir, warn, (record) => {
    indexEntries.push(toArchiveIndexEntry(record));
    if (feedEditions.length < FEED_EDITIONS) feedEditions.push(record);
  });
  await writeArchiveAssets(outputDir);
  return writeArchiveIndexAndFeeds(outputDir, { indexEntries, feedEditions, issues, publicUrl, image: (await findPageImages(outputDir, publicUrl)).site });
}

// --- internal ---

async function writeArchiveIndexAndFeeds(
  outputDir: string,
  { indexEntries, feedEditions, issues, publicUrl, image }: { indexEntries: ArchiveIndexEntry[]; feedEditions: EditionRecord[]; issues: readonly ArchivedIssue[]; publicUrl: string | undefined; image: string | undefined },
): Promise<string> {
  const index = join(outputDir, 'index.html');
  const manifest = await readFile(join(outputDir, SEARCH_FOLDER, 'manifest.js')).catch(() => undefined);
  const searchVersion = manifest === undefined ? undefined : createHash('sha256').update(manifest).digest('hex').slice(0, 12);
  // A day's podcast is published after its edition: the index links the feed once there is one.
  const podcastFeed = await access(join(outputDir, 'podcast.xml')).then(
    () => true,
    () => false,
  );
  await writeFileAtomic(index, renderArchiveIndex(indexEntries, { image, issues, searchVersion, podcastFeed }));
  // The index shows the newest year; every year has its page, so an old edition is two clicks away.
  for (const [year, entries] of groupByYear(indexEntries)) await writeFileAtomic(join(outputDir, 'archive', `${year}.html`), renderArchiveYearPage(year, entries));
  const feeds = renderArchiveFeeds(feedEditions, { baseUrl: toPublicBaseUrl(publicUrl), issues });
  await writeFileAtomic(join(outputDir, 'feed.xml'), feeds.atom);
  await writeFileAtomic(join(outputDir, 'rss.xml'), feeds.rss);
  await writeFileAtomic(join(outputDir, 'feed.json'), feeds.json);
  return index;
}

// One page at a time: a day of 300 papers never holds more than one page in memory.
async function writePaperPages(outputDir: string, edition: Edition, editionsByStem: ReadonlyMap<string, string[]>, images: PageImages): Promise<void> {
  for (const { brief } of edition.papers) {
    await writePaperPage(outputDir, brief, { editions: editionsByStem.get(toFileStem(brief.paper.id, brief.paper.version)) ?? [], episode: edition.episode, images });
  }
}
