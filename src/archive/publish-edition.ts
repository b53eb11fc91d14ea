import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Edition } from '../edition/edition.js';
import { getBriefPaths } from '../output/brief-store.js';
import { buildDigestIndex, type DigestPaths, getDigestPaths } from '../output/digest-store.js';
import { renderDigestMarkdown } from '../output/render-digest-markdown.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { buildArchiveFeed } from './build-archive-feed.js';
import { buildEditionRecord, type EditionRecord } from './edition-record.js';
import { readArchive, type Warn, writeEditionRecord } from './read-archive.js';
import { renderArchiveIndex } from './render-archive-index.js';
import { renderEditionPage } from './render-edition-page.js';
import { renderPaperPage } from './render-paper-page.js';
import { renderSearchData } from './render-search-data.js';
import { writeArchiveAssets } from './write-archive-assets.js';

export interface PublishEditionOptions {
  /** SUMMARIZE_PUBLIC_URL: where readers reach the output folder; feed links use it. Default: the folder's file:// URL. */
  publicUrl?: string | undefined;
  /** Told about old editions left out of the archive and feeds; publishing goes on. */
  warn: Warn;
}

export interface PublishedEdition extends DigestPaths {
  /** `index.html` of the archive. */
  index: string;
  /** Editions in the archive, this one included. */
  editions: number;
}

/**
 * Publishes a day's edition into the output folder: the digest (`digests/<date>.md|.json`), the web edition
 * (`digests/<date>.html`), a page per paper, the archive index with its search data, and the feeds. Rendered from
 * the edition and the stored files alone, so `summarize digest` reproduces it; paper by paper, so memory stays flat.
 */
export async function publishEdition(outputDir: string, edition: Edition, { publicUrl, warn }: PublishEditionOptions): Promise<PublishedEdition> {
  const paths = getDigestPaths(outputDir, edition.date);
  await writeFileAtomic(paths.markdown, renderDigestMarkdown(edition));
  await writeFileAtomic(paths.html, renderEditionPage(edition));
  await writeEditionRecord(outputDir, buildEditionRecord(edition));
  // The index goes last: its presence makes the edition part of the archive.
  await writeFileAtomic(paths.json, `${JSON.stringify(buildDigestIndex(edition), null, 2)}\n`);

  const archive = await readArchive(outputDir, warn);
  await writePaperPages(outputDir, edition, archive);
  await writeArchiveAssets(outputDir);
  await writeFileAtomic(join(outputDir, 'assets', 'search-data.js'), renderSearchData(archive));
  const index = join(outputDir, 'index.html');
  await writeFileAtomic(index, renderArchiveIndex(archive));

  const feed = buildArchiveFeed(archive, { baseUrl: (publicUrl ?? pathToFileURL(resolve(outputDir)).href).replace(/\/+$/, '') });
  await writeFileAtomic(join(outputDir, 'feed.xml'), `${feed.atom1()}\n`);
  await writeFileAtomic(join(outputDir, 'rss.xml'), `${feed.rss2()}\n`);
  await writeFileAtomic(join(outputDir, 'feed.json'), `${feed.json1()}\n`);
  return { ...paths, index, editions: archive.length };
}

// --- internal ---

// One page at a time: a day of 300 papers never holds more than one page in memory.
async function writePaperPages(outputDir: string, edition: Edition, archive: readonly EditionRecord[]): Promise<void> {
  const editionsByStem = new Map(edition.papers.map(({ brief }) => [toFileStem(brief.paper.id, brief.paper.version), [] as string[]]));
  for (const record of archive) {
    for (const paper of record.papers) editionsByStem.get(paper.stem)?.push(record.date);
  }
  for (const { brief } of edition.papers) {
    const stem = toFileStem(brief.paper.id, brief.paper.version);
    const briefPaths = getBriefPaths(outputDir, brief.paper.id, brief.paper.version);
    const hasFlowchartImage = await access(briefPaths.flowchartPng).then(
      () => true,
      () => false,
    );
    const editions = editionsByStem.get(stem) ?? [];
    await writeFileAtomic(join(outputDir, 'papers', `${stem}.html`), renderPaperPage(brief, { editions, hasFlowchartImage }));
  }
}
