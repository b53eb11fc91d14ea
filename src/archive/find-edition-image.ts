import type { Edition } from '../edition/edition.js';
import type { PageImages } from './find-page-images.js';
import { hasFlowchartImage } from './write-paper-page.js';

/** A web edition's og:image: its lead paper's, as its description leads with that paper; the site's when it has none. */
export async function findEditionImage(outputDir: string, edition: Edition, images: PageImages): Promise<string | undefined> {
  const lead = edition.papers[0]?.brief;
  return lead === undefined ? images.site : images.forPaper(lead, await hasFlowchartImage(outputDir, lead));
}
