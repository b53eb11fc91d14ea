import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getBriefFileStem } from '../output/brief-store.js';
import type { Brief } from '../brief/brief-schema.js';
import { toPublicBaseUrl } from '../output/to-public-base-url.js';

/** The og:image of the archive's pages: absolute URLs under the public URL (its login dropped), none without one. */
export interface PageImages {
  /** The site's own image: the podcast's cover, when an episode feed wrote one. */
  site?: string | undefined;
  /** A paper's flowchart PNG when it is beside the paper's page, else the site's image. */
  forPaper(brief: Brief, hasFlowchartImage: boolean): string | undefined;
}

/** Pages without an og:image: no public URL, so no absolute URL to give. */
export const NO_PAGE_IMAGES: PageImages = { forPaper: () => undefined };

/** Settles the pages' images once per publish: the public base and which cover, if any, is in `audio/`. */
export async function findPageImages(outputDir: string, publicUrl: string | undefined): Promise<PageImages> {
  const base = toPublicBaseUrl(publicUrl);
  if (base === undefined) return NO_PAGE_IMAGES;
  const cover = await findNewestCover(outputDir);
  const site = cover === undefined ? undefined : `${base}/audio/${cover}`;
  return {
    site,
    forPaper: (brief, hasFlowchartImage) => (hasFlowchartImage ? `${base}/papers/${encodeURIComponent(getBriefFileStem(brief.paper.id, brief.paper.version, brief.generation.language))}.flowchart.png` : site),
  };
}

// --- internal ---

// The names the podcast feed gives its cover (SUMMARIZE_PODCAST_IMAGE keeps its extension); the newest is the one in use.
const COVER_NAMES = ['cover.png', 'cover.jpg', 'cover.jpeg'];

async function findNewestCover(outputDir: string): Promise<string | undefined> {
  const found = await Promise.all(COVER_NAMES.map(async (name) => ({ name, modifiedMs: (await stat(join(outputDir, 'audio', name)).catch(() => undefined))?.mtimeMs })));
  return found.filter((cover) => cover.modifiedMs !== undefined).sort((left, right) => right.modifiedMs! - left.modifiedMs!)[0]?.name;
}
