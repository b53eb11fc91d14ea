import { redactSecrets } from '../secrets/redact-secrets.js';
import type { ChannelDigest } from './channel-digest.js';
import { findEarlierPost, readChannelRecord, recordChannelAttempt, type ChannelAttempt } from './channel-record.js';
import type { Channel } from '../config/parse-channel-url.js';
import { postChannelMessage, type PostChannelMessageOptions } from './post-channel-message.js';
import { renderChannelMessages } from './render-channel-messages.js';

export interface ChannelResult {
  /** The channel's label (service and hash), never its URL. */
  channel: string;
  ok: boolean;
  summary: string;
}

export interface PostToChannelsOptions extends PostChannelMessageOptions {
  outputDir: string;
  /** Post even where the record says the edition already went (or may have gone). */
  resend: boolean;
  log: (line: string) => void;
  /** Strings never to write to the record (the webhook URLs and their tokens). */
  secrets: readonly string[];
  now?: () => Date;
}

/** Posts the digest to each channel once, one after the other; a failing channel is recorded and the others go on. */
export async function postToChannels(channels: readonly Channel[], digest: ChannelDigest, options: PostToChannelsOptions): Promise<ChannelResult[]> {
  const now = options.now ?? (() => new Date());
  // The note of a day without an edition has its own record, so the day's edition still goes out after it.
  const kind = digest.note === undefined ? 'edition' : 'note';
  const name = kind === 'note' ? `the note that ${digest.date} has no edition` : `the edition of ${digest.date}`;
  let record = await readChannelRecord(options.outputDir, digest.date, kind);
  const results: ChannelResult[] = [];
  for (const channel of channels) {
    const earlier = options.resend ? undefined : findEarlierPost(record, channel.label);
    if (earlier) {
      results.push(describeEarlierPost(channel, earlier, name));
      continue;
    }
    const messages = renderChannelMessages(channel.service, digest);
    const attempt: ChannelAttempt = { channel: channel.label, status: 'sending', messages: messages.length, posted: 0, startedAt: now().toISOString() };
    record = await recordChannelAttempt(options.outputDir, record, attempt);
    options.log(`posting ${name} to ${channel.label} (${messages.length} message(s))`);
    let posted = 0;
    try {
      for (const message of messages) {
        await postChannelMessage(channel, message, options);
        posted++;
      }
    } catch (error) {
      const reason = redactSecrets(error instanceof Error ? error.message : String(error), options.secrets);
      const status = posted === 0 ? 'failed' : 'partial';
      record = await recordChannelAttempt(options.outputDir, record, { ...attempt, status, posted, finishedAt: now().toISOString(), error: reason });
      const repeat = posted === 0 ? '' : `; ${posted} of ${messages.length} message(s) went out, so --resend repeats them`;
      results.push({ channel: channel.label, ok: false, summary: `${channel.label}: not posted: ${reason}${repeat}` });
      continue;
    }
    record = await recordChannelAttempt(options.outputDir, record, { ...attempt, status: 'sent', posted, finishedAt: now().toISOString() });
    results.push({ channel: channel.label, ok: true, summary: `${channel.label}: posted ${name} (${posted} message(s))` });
  }
  return results;
}

// --- internal ---

// Posted: nothing to do. Posting broke off (or crashed): messages may be there, so a person decides (--resend).
function describeEarlierPost(channel: Channel, earlier: ChannelAttempt, name: string): ChannelResult {
  if (earlier.status === 'sent') {
    return { channel: channel.label, ok: true, summary: `${channel.label}: ${name} was already posted at ${earlier.finishedAt ?? earlier.startedAt}; nothing posted (--resend posts it again)` };
  }
  const how = earlier.status === 'sending' ? 'did not finish' : `broke off after ${earlier.posted} of ${earlier.messages} message(s)`;
  return {
    channel: channel.label,
    ok: false,
    summary: `${channel.label}: a post of ${name} started at ${earlier.startedAt} ${how}; check the channel, then run again with --resend`,
  };
}
