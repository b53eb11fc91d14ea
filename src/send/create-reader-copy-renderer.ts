import type { SendMailOptions } from 'nodemailer/lib/mailer';
import type { Edition } from '../edition/edition.js';
import { loadEmailImages } from '../mail/load-email-images.js';
import type { ReaderCopyPlan } from '../mail/reader-copy-plan.js';
import { type EmailEdition, type RenderEmailEditionOptions, renderEmailEdition } from '../mail/render-email-edition.js';

type Attachments = NonNullable<SendMailOptions['attachments']>;

/** A reader's own copy of the edition, rendered as the shared one is (same renderer, CSS and size budget), with the flowcharts it shows. */
export type ReaderCopyRenderer = (copy: ReaderCopyPlan) => Promise<{ email: EmailEdition; attachments: Attachments }>;

/** Renders readers' own copies; each flowchart image is prepared once, however many copies show it. */
export function createReaderCopyRenderer(outputDir: string, edition: Edition, options: RenderEmailEditionOptions): ReaderCopyRenderer {
  const images = new Map<string, Promise<Attachments[number]>>();
  return async (copy) => {
    const email = renderEmailEdition(edition, { ...options, copy });
    const attachments = await Promise.all(
      email.images.map((image) => {
        if (!images.has(image.cid)) images.set(image.cid, loadEmailImages(outputDir, [image], email.html).then(([attachment]) => attachment!));
        return images.get(image.cid)!;
      }),
    );
    return { email, attachments };
  };
}
