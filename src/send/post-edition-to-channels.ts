import type { Channel } from '../config/parse-channel-url.js';
import { buildChannelDigest } from '../channels/channel-digest.js';
import { postToChannels, type ChannelResult } from '../channels/post-to-channels.js';
import type { Config } from '../config/config-schema.js';
import { readEdition } from '../output/digest-store.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import type { Outcome } from '../run/outcome.js';

export interface PostEditionToChannelsOptions {
  date: string;
  /** Overrides SUMMARIZE_WEBHOOKS (`send --webhook`). */
  channels?: readonly Channel[] | undefined;
  resend: boolean;
  /** A day without an edition (SUMMARIZE_NOTIFY_EMPTY): post this one line instead, once. */
  note?: string | undefined;
  log: (line: string) => void;
  /** For tests: the 429 waits. */
  sleep?: (milliseconds: number) => Promise<void>;
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
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const failed = results.filter((result) => !result.ok).length;
  // Exit 3 whenever a channel failed: the others were posted (or the mail went), and cron should tell.
  return { outcome: failed === 0 ? 'done' : 'partial', results };
}
