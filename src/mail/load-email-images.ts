import { readFile } from 'node:fs/promises';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import sharp from 'sharp';
import { getBriefPaths } from '../output/brief-store.js';
import { renderFlowchartPng } from '../output/flowchart/render-flowchart-png.js';
import type { EmailImage } from './render-email-edition.js';

type Attachment = NonNullable<SendMailOptions['attachments']>[number];

/**
 * Each flowchart the HTML shows as a `cid:` image, at twice the width its `<img width>` shows it (sharp on
 * high-DPI screens and no more: the 640 px chart shown at 96 px weighed 40 times what the reader sees). From
 * the PNG beside the brief, rendered again only if it is missing; built once for every reader's copy.
 */
export async function loadEmailImages(outputDir: string, images: readonly EmailImage[], html: string): Promise<Attachment[]> {
  return Promise.all(
    images.map(async (image) => {
      const path = getBriefPaths(outputDir, image.paperId, image.version, image.language).flowchartPng;
      const source = await readFile(path).catch(() => Buffer.from(renderFlowchartPng(image.flowchart)));
      const shownWidth = readShownWidth(html, image.cid);
      const resized = sharp(source).flatten({ background: '#ffffff' });
      if (shownWidth !== undefined) resized.resize({ width: shownWidth * PIXELS_PER_CSS_PIXEL, withoutEnlargement: true });
      const content = await resized.png(EMAIL_PNG).toBuffer();
      return { content, filename: image.filename, cid: image.cid, contentType: 'image/png', contentDisposition: 'inline' };
    }),
  );
}

// --- internal ---

const PIXELS_PER_CSS_PIXEL = 2;
// A flowchart is a few flat colours and their anti-aliased edges: 32 colours without dithering look the same at a third of the bytes.
const EMAIL_PNG = { palette: true, colours: 32, dither: 0, compressionLevel: 9, effort: 10 } as const;

// The `width` attribute of the `<img>` that shows this cid (every email image has one: Outlook needs it).
function readShownWidth(html: string, cid: string): number | undefined {
  for (const tag of html.match(/<img\b[^>]*>/g) ?? []) {
    if (!tag.includes(`src="cid:${cid}"`)) continue;
    const width = Number(/\bwidth="(\d+)"/.exec(tag)?.[1]);
    if (Number.isInteger(width) && width > 0) return width;
  }
  return undefined;
}
