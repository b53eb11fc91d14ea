import { join } from 'node:path';
import type { Edition } from '../edition/edition.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type EmailEdition, type RenderEmailEditionOptions, renderEmailEdition } from './render-email-edition.js';

/** `digests/<date>.email.html` and `digests/<date>.txt`: the two parts of the mailed edition. */
export function getEmailEditionPaths(outputDir: string, date: string): { html: string; text: string } {
  const stem = join(outputDir, 'digests', date);
  return { html: `${stem}.email.html`, text: `${stem}.txt` };
}

/**
 * Renders the email edition and writes both parts atomically; returns what is mailed (the images to attach, too).
 * The saved parts are the shared copy, without 👍/👎: only a reader's own copy signs them, and an unsigned one leads nowhere.
 */
export async function writeEmailEdition(
  outputDir: string,
  edition: Edition,
  options: RenderEmailEditionOptions = {},
): Promise<EmailEdition & { paths: ReturnType<typeof getEmailEditionPaths> }> {
  const shared = renderEmailEdition(edition, { ...options, feedbackUrl: undefined });
  const paths = getEmailEditionPaths(outputDir, edition.date);
  await writeFileAtomic(paths.text, shared.text);
  await writeFileAtomic(paths.html, shared.html);
  const mailed = options.feedbackUrl === undefined ? shared : renderEmailEdition(edition, options);
  return { ...mailed, paths };
}
