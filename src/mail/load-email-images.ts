import { existsSync } from 'node:fs';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import { getBriefPaths } from '../output/brief-store.js';
import { renderFlowchartPng } from '../output/flowchart/render-flowchart-png.js';
import type { EmailImage } from './render-email-edition.js';

type Attachment = NonNullable<SendMailOptions['attachments']>[number];

// The PNG written beside each brief, streamed from disk when sending; rendered again only if it is missing.
export function loadEmailImages(outputDir: string, images: readonly EmailImage[]): Attachment[] {
  return images.map((image) => {
    const path = getBriefPaths(outputDir, image.paperId, image.version, image.language).flowchartPng;
    const source = existsSync(path) ? { path } : { content: Buffer.from(renderFlowchartPng(image.flowchart)) };
    return { ...source, filename: image.filename, cid: image.cid, contentType: 'image/png', contentDisposition: 'inline' };
  });
}
