import type { Config } from '../config/config-schema.js';
import { editionMessages } from '../edition/edition-messages.js';
import { composeEditionMessage } from '../mail/compose-edition-message.js';
import { loadEmailImages } from '../mail/load-email-images.js';
import { writeEmailEdition } from '../mail/write-email-edition.js';
import { readEditionWithEpisode } from '../publish/read-edition-with-episode.js';
import { toReaderId } from '../reader-sends/to-reader-id.js';
import { readReaderCopies } from '../readers/reader-copies-store.js';
import { createReaderCopyRenderer } from './create-reader-copy-renderer.js';
import { type SendEditionOptions, type SendEditionResult, sendOnce } from './send-once.js';

/**
 * Mails the day's edition once to each reader. The caller holds the run lock of the output folder (`send` takes it;
 * `nightly --send` already has it). Each reader's outcome is recorded as it happens (`sendOnce`).
 */
export async function sendEdition(config: Config, options: SendEditionOptions): Promise<SendEditionResult> {
  const { date } = options;
  return sendOnce(config, options, {
    kind: 'edition',
    name: `the edition of ${date}`,
    prepare: async ({ from, feedbackUrl }) => {
      const edition = await readEditionWithEpisode(config.outputDir, date);
      const renderOptions = { publicUrl: config.publicUrl, unsubscribe: config.mailUnsubscribe, feedbackUrl };
      const email = await writeEmailEdition(config.outputDir, edition, renderOptions);
      const attachments = await loadEmailImages(config.outputDir, email.images, email.html);
      // A reader the night ranked a copy for gets their own order; everyone else the shared edition.
      const copies = await readReaderCopies(config.outputDir, date);
      const renderCopy = createReaderCopyRenderer(config.outputDir, edition, renderOptions);
      return {
        email,
        detail: `${edition.papers.length} papers, ${email.shownInFull} in full`,
        // One copy per reader, built the same way for a dry run and a real send.
        messageFor: async (reader, acceptedCopies, sentAt) => {
          const picks = copies?.get(toReaderId(reader));
          const own = picks === undefined || picks.length === 0 ? { email, attachments } : await renderCopy({ picks });
          return composeEditionMessage({
            date,
            paperCount: edition.papers.length,
            email: own.email,
            from,
            to: reader,
            subject: config.mailSubject ?? editionMessages(edition).editionSubject(date, edition.papers.length),
            unsubscribe: config.mailUnsubscribe,
            unsubscribeSecret: config.unsubscribeSecret,
            attachments: own.attachments,
            acceptedCopies,
            sentAt,
          });
        },
      };
    },
  });
}

export type { SendEditionOptions, SendEditionResult } from './send-once.js';
