import type { Config } from '../config/config-schema.js';
import { editionMessages } from '../edition/edition-messages.js';
import { composeEditionMessage } from '../mail/compose-edition-message.js';
import { loadEmailImages } from '../mail/load-email-images.js';
import { writeEmailEdition } from '../mail/write-email-edition.js';
import { readEditionWithEpisode } from '../publish/read-edition-with-episode.js';
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
      const email = await writeEmailEdition(config.outputDir, edition, { publicUrl: config.publicUrl, unsubscribe: config.mailUnsubscribe, feedbackUrl });
      const attachments = await loadEmailImages(config.outputDir, email.images, email.html);
      return {
        email,
        detail: `${edition.papers.length} papers, ${email.shownInFull} in full`,
        // One copy per reader, built the same way for a dry run and a real send.
        messageFor: (reader, acceptedCopies, sentAt) =>
          composeEditionMessage({
            date,
            paperCount: edition.papers.length,
            email,
            from,
            to: reader,
            subject: config.mailSubject ?? editionMessages(edition).editionSubject(date, edition.papers.length),
            unsubscribe: config.mailUnsubscribe,
            unsubscribeSecret: config.unsubscribeSecret,
            attachments,
            acceptedCopies,
            sentAt,
          }),
      };
    },
  });
}

export type { SendEditionOptions, SendEditionResult } from './send-once.js';
