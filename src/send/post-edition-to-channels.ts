import type { Channel } from '../config/parse-channel-url.js';
import { buildChannelDigest } from '../channels/channel-digest.js';
import type { ChannelPacerOptions } from '../channels/create-channel-pacer.js';
import type { ResendScope } from '../reader-sends/plan-mail-round.js';
import { postToChannels, type ChannelResult } from '../channels/post-to-channels.js';
import type { Config } from '../config/config-schema.js';
import { readEdition } from '../output/digest-store.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import type { Outcome } from '../run/outcome.js';

export interface PostEditionToChannelsOptions {
  date: string;
  /** Overrides SUMMARIZE_WEBHOOKS (`send --webhook`). */
  channels?: readonly Channel[] | undefined;
  /** `--resend`: post again where a message may have gone out (`uncertain`), or everywhere (`all`). */
  resend?: ResendScope | undefined;
  /** A day without an edition (SUMMARIZE_NOTIFY_EMPTY): post this one line instead, once. */
  note?: string | undefined;
  log: (line: string) => void;
  /** For tests: the clock and the waits that space the posts. */
  _internal?: ChannelPacerOptions;
}

export interface ChannelsRun {
  /** `done` when every channel has the edition; `partial` when some failed (the others were posted). */
  outcome: Outcome;
  results: ChannelResult[];
}

/** Posts the day's edition (or the note that it has none) to every configured chat channel once; the caller holds the output folder's lock. */
export async function postEditionToChannels(config: Config, options: PostEditionToChannelsOptions): Promise<ChannelsRun> {
  const channels = options.channels ?? config.webhooks ?? [];
  const digest = options.note === undefined ? buildChannelDigest(await readEdition(config.outputDir, options.date), config.publicUrl) : { date: options.date, items: [], note: options.note };
  const results = await postToChannels(channels, digest, {
    outputDir: config.outputDir,
    resend: options.resend,
    log: options.log,
    secrets: collectConfigSecrets({ ...config, webhooks: channels }),
    maxRetryAfterMs: config.maxRetryAfterMs,
    ...(options._internal ? { _internal: options._internal } : {}),
  });
  const failed = results.filter((result) => !result.ok).length;
  // Exit 3 whenever a channel failed: the others were posted (or the mail went), and cron should tell.
  return { outcome: failed === 0 ? 'done' : 'partial', results };
}
