import type { Config } from '../config/config-schema.js';
import { composeEditionMessage } from '../mail/compose-edition-message.js';
import { defaultNoteSubject, renderEmptyDayNote } from '../mail/render-empty-day-note.js';
import { type SendEditionOptions, type SendEditionResult, sendOnce } from './send-once.js';

/** Mails the one-line note of a day without an edition (SUMMARIZE_NOTIFY_EMPTY) once, under its own sent record so a later edition of the day still goes out. */
export async function sendEmptyDayNote(config: Config, options: Omit<SendEditionOptions, 'dryRun' | 'resend' | 'to'> & { line: string }): Promise<SendEditionResult> {
  const { date, line } = options;
  return sendOnce(config, { ...options, dryRun: false }, {
    kind: 'note',
    name: `the note that ${date} has no edition`,
    prepare: async ({ from }) => {
      const email = renderEmptyDayNote(date, line, { unsubscribe: config.mailUnsubscribe });
      return {
        email,
        detail: '',
        messageFor: (reader, acceptedCopies, sentAt) =>
          composeEditionMessage({
            date,
            paperCount: 0,
            email,
            from,
            to: reader,
            subject: config.mailSubject ?? defaultNoteSubject(date),
            unsubscribe: config.mailUnsubscribe,
            unsubscribeSecret: config.unsubscribeSecret,
            attachments: [],
            acceptedCopies,
            sentAt,
          }),
      };
    },
  });
}
