import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief } from '../brief/brief-schema.js';
import type { EditionEpisode } from '../edition/edition.js';
import { getBriefPaths } from '../output/brief-store.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { readFlowchartSize } from '../output/flowchart/read-flowchart-size.js';
import { readPodcastScript } from '../styles/podcast-script-store.js';
import { PROSE_STYLE_NAMES } from '../brief/style-names.js';
import { readStoredStyle } from '../styles/style-store.js';
import { NO_PAGE_IMAGES, type PageImages } from './find-page-images.js';
import { renderPaperPage } from './render-paper-page.js';

/** `papers/<stem>.html` under the output folder. */
export function getPaperPagePath(outputDir: string, brief: Brief): string {
  return join(outputDir, 'papers', `${toFileStem(brief.paper.id, brief.paper.version)}.html`);
}

/** Whether `papers/<stem>.flowchart.png` is beside the page: only then does a page show or point to it. */
export async function hasFlowchartImage(outputDir: string, brief: Brief): Promise<boolean> {
  return access(getBriefPaths(outputDir, brief.paper.id, brief.paper.version, brief.generation.language).flowchartPng).then(
    () => true,
    () => false,
  );
}

// The page shows the flowchart only when its PNG is beside it, so no page links a missing image.
export async function writePaperPage(
  outputDir: string,
  brief: Brief,
  { editions, episode, images = NO_PAGE_IMAGES }: { editions: string[]; episode?: EditionEpisode | undefined; images?: PageImages },
): Promise<void> {
  const hasImage = await hasFlowchartImage(outputDir, brief);
  // Read, not laid out again: the layout, for two numbers, was most of a page's time and garbage.
  const flowchartSize = hasImage ? await readFlowchartSize(getBriefPaths(outputDir, brief.paper.id, brief.paper.version, brief.generation.language).flowchartSvg) : undefined;
  // Every style the paper has on disk is shown, whichever run wrote it.
  const styles = (await Promise.all(PROSE_STYLE_NAMES.map((style) => readStoredStyle(outputDir, brief.paper, style, brief.generation.language ?? 'en')))).filter((result) => result !== null);
  const podcast = (await readPodcastScript(outputDir, brief.paper.id, brief.paper.version, brief.generation.language)) ?? undefined;
  await writeFileAtomic(getPaperPagePath(outputDir, brief), renderPaperPage(brief, { editions, hasFlowchartImage: hasImage, flowchartSize, episode, podcast, styles, image: images.forPaper(brief, hasImage) }));
}
