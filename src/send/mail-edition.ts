import type { Channel } from '../config/parse-channel-url.js';
import type { ChannelResult } from '../channels/post-to-channels.js';
import type { Config } from '../config/config-schema.js';
import { readDigestIndex } from '../output/digest-store.js';
import { hasMailReaders } from '../readers/has-mail-readers.js';
import { acquireRunLock } from '../run/acquire-run-lock.js';
import { assertFolderWritable } from '../run/assert-folder-writable.js';
import { postEditionToChannels } from './post-edition-to-channels.js';
import { type SendEditionOptions, type SendEditionResult, sendEdition } from './send-edition.js';

export interface MailEditionOptions extends SendEditionOptions {
  /** Overrides SUMMARIZE_WEBHOOKS (`--webhook`). */
  channels?: readonly Channel[] | undefined;
  /** `mail` or `channels` alone; default: mail when recipients are set, channels when webhooks are. */
  only?: 'mail' | 'channels' | undefined;
}

export interface MailEditionResult extends SendEditionResult {
  /** Absent when mail was not sent (`--channels-only`, or no recipients but webhooks). */
  mailed: boolean;
  channels: ChannelResult[];
}

/** `summarize send`: the edition mailed and posted to the chat channels once, under the output folder's lock so two sends (or a night's run) cannot race. */
export async function mailEdition(config: Config, options: MailEditionOptions): Promise<MailEditionResult> {
  // No edition, no folder to make: a mistyped --out is not created.
  await readDigestIndex(config.outputDir, options.date);
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  const channels = options.channels ?? config.webhooks ?? [];
  const hasRecipients = options.to === undefined ? hasMailReaders(config) : options.to.length > 0;
  const mail = options.only === 'mail' || (options.only === undefined && (hasRecipients || channels.length === 0));
  const post = options.only === 'channels' || (options.only === undefined && channels.length > 0);
  const lock = await acquireRunLock(config.outputDir, { command: `send --date ${options.date}` });
  try {
    const mailResult = mail ? await sendEdition(config, options) : undefined;
    if (!post) return { ...mailResult!, mailed: true, channels: [] };
    if (options.dryRun) {
      options.log(`dry run: nothing posted to the ${channels.length} chat channel(s)`);
      return { ...(mailResult ?? { outcome: 'done', summary: 'dry run: nothing posted' }), mailed: mail, channels: [] };
    }
    const run = await postEditionToChannels(config, { date: options.date, channels, resend: options.resend, log: options.log });
    const summaries = run.results.map((result) => result.summary);
    if (!mailResult) return { outcome: run.outcome, summary: summaries.join('\n'), mailed: false, channels: run.results };
    const outcome = mailResult.outcome === 'done' ? run.outcome : mailResult.outcome === 'failed' && run.outcome === 'done' ? 'partial' : mailResult.outcome;
    return { ...mailResult, outcome, summary: [mailResult.summary, ...summaries].join('\n'), mailed: true, channels: run.results };
  } finally {
    await lock.release();
  }
}
