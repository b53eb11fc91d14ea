import type { Config } from '../config/config-schema.js';
import { readIssue } from '../issue/read-issue.js';
import { getIssueMailKey, getIssuePaths } from '../issue/issue-store.js';
import { getMessages } from '../language/messages.js';
import { renderIssueEmail } from '../issue/render-issue-email.js';
import type { Period } from '../issue/period.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { acquireRunLock } from '../run/acquire-run-lock.js';
import { assertFolderWritable } from '../run/assert-folder-writable.js';
import { composeEditionMessage } from '../mail/compose-edition-message.js';
import { type SendEditionOptions, type SendEditionResult, sendOnce } from './send-once.js';

/** `summarize send --issue 2025-09`: the period's issue mailed once per reader, with the daily edition's record and `--resend` rules. */
export async function sendIssue(config: Config, period: Period, options: Omit<SendEditionOptions, 'date'>): Promise<SendEditionResult> {
  // No issue, no folder to make: a mistyped --out is not created.
  const issue = await readIssue(config.outputDir, period, config.language);
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  const lock = await acquireRunLock(config.outputDir, { command: `send --issue ${period.key}` });
  try {
    const key = getIssueMailKey(period.key, config.language);
    const paperCount = issue.papers.length;
    return await sendOnce(config, { ...options, date: key }, {
      kind: 'edition',
      name: `the issue of ${period.title}`,
      prepare: async ({ from }) => {
        // Rendered again with today's public URL and unsubscribe link, as the daily edition is.
        const email = renderIssueEmail(issue, { publicUrl: config.publicUrl, unsubscribe: config.mailUnsubscribe });
        const paths = getIssuePaths(config.outputDir, period.key, config.language);
        await writeFileAtomic(paths.text, email.text);
        await writeFileAtomic(paths.emailHtml, email.html);
        return {
          email,
          detail: `${paperCount} papers`,
          messageFor: (reader, acceptedCopies, sentAt) =>
            composeEditionMessage({
              date: key,
              paperCount,
              email,
              from,
              to: reader,
              subject: config.mailSubject ?? getMessages(issue.record.language).editionSubject(issue.record.title, paperCount),
              unsubscribe: config.mailUnsubscribe,
              unsubscribeSecret: config.unsubscribeSecret,
              attachments: [],
              acceptedCopies,
            sentAt,
            }),
        };
      },
    });
  } finally {
    await lock.release();
  }
}
