import { redactSecrets } from '../secrets/redact-secrets.js';
import type { ChannelDigest } from './channel-digest.js';
import { ChannelPostError } from './channel-post-error.js';
import { readChannelRecord, recordChannelAttempt, type ChannelAttempt, type ChannelRecord } from './channel-record.js';
import type { Channel } from '../config/parse-channel-url.js';
import { createChannelPacer, type ChannelPacerOptions } from './create-channel-pacer.js';
import { postChannelMessage, type PostChannelMessageOptions } from './post-channel-message.js';
import type { ResendScope } from '../reader-sends/plan-mail-round.js';
import { planChannelPost } from './plan-channel-post.js';
import { renderChannelMessages } from './render-channel-messages.js';

export interface ChannelResult {
  /** The channel's label (service and hash), never its URL. */
  channel: string;
  ok: boolean;
  /** A message may or may not have arrived: a rerun does not repeat it, `--resend` does. */
  uncertain?: boolean;
  summary: string;
}

export interface PostToChannelsOptions extends PostChannelMessageOptions {
  outputDir: string;
  /** Post again where a message may have gone out (`uncertain`), or everywhere (`all`). Default: neither. */
  resend?: ResendScope | undefined;
  log: (line: string) => void;
  /** Strings never to write to the record (the webhook URLs and their tokens). */
  secrets: readonly string[];
  now?: () => Date;
  /** For tests: the clock and the waits that space the posts. */
  _internal?: ChannelPacerOptions;
}

/** Posts the digest to each channel once, one after the other; a failing channel is recorded and the others go on. */
export async function postToChannels(channels: readonly Channel[], digest: ChannelDigest, options: PostToChannelsOptions): Promise<ChannelResult[]> {
  const now = options.now ?? (() => new Date());
  // The note of a day without an edition has its own record, so the day's edition still goes out after it.
  const kind = digest.note === undefined ? 'edition' : 'note';
  const name = kind === 'note' ? `the note that ${digest.date} has no edition` : `the edition of ${digest.date}`;
  const pacer = createChannelPacer(options._internal);
  let record = await readChannelRecord(options.outputDir, digest.date, kind);
  const save = async (attempt: ChannelAttempt): Promise<void> => {
    record = await recordChannelAttempt(options.outputDir, record, attempt);
  };
  const results: ChannelResult[] = [];
  for (const channel of channels) {
    const plan = planChannelPost(record, channel.label, options.resend);
    if (plan.action === 'skip') {
      results.push(describeEarlierPost(channel.label, plan.earlier, plan.reason, name));
      continue;
    }
    const messages = renderChannelMessages(channel.service, digest);
    const from = Math.min(plan.from, messages.length);
    const attempt: ChannelAttempt = { channel: channel.label, status: 'sending', messages: messages.length, posted: from, startedAt: now().toISOString() };
    await save(attempt);
    const going = from === 0 ? '' : `, going on from message ${from + 1}`;
    options.log(`posting ${name} to ${channel.label} (${messages.length} message(s)${going})`);
    let posted = from;
    try {
      for (const message of messages.slice(from)) {
        await postChannelMessage(channel, message, pacer, options);
        posted++;
        // On disk before the next message starts: a crash leaves only the message in flight in doubt.
        await save({ ...attempt, posted });
      }
    } catch (error) {
      const reason = redactSecrets(error instanceof Error ? error.message : String(error), options.secrets);
      const uncertain = !(error instanceof ChannelPostError) || error.uncertain;
      const status = uncertain ? 'uncertain' : posted === 0 ? 'failed' : 'partial';
      await save({ ...attempt, status, posted, finishedAt: now().toISOString(), error: reason });
      results.push({ channel: channel.label, ok: false, uncertain, summary: describeFailure(channel.label, { status, posted, messages: messages.length }, reason, name) });
      continue;
    }
    await save({ ...attempt, status: 'sent', posted, finishedAt: now().toISOString() });
    results.push({ channel: channel.label, ok: true, summary: `${channel.label}: posted ${name} (${messages.length} message(s)${going})` });
  }
  return results;
}

// --- internal ---

// Uncertain: a person checks the channel, then asks for the repeat. Refused: nothing of it is in the channel, so a rerun goes on.
function describeFailure(label: string, attempt: Pick<ChannelAttempt, 'status' | 'posted' | 'messages'>, reason: string, name: string): string {
  if (attempt.status === 'uncertain') return `${label}: ${describeDoubt(attempt, name)} (${reason}); ${describeResend(attempt)}`;
  if (attempt.posted === 0) return `${label}: not posted: ${reason}`;
  return `${label}: ${attempt.posted} of ${attempt.messages} message(s) posted, then: ${reason}; send again to post the rest`;
}

// Posted: nothing to do. Posting got no answer (or crashed): that message may be there, so a person decides (--resend).
function describeEarlierPost(label: string, earlier: ChannelAttempt, reason: 'delivered' | 'uncertain', name: string): ChannelResult {
  if (reason === 'delivered') {
    return { channel: label, ok: true, summary: `${label}: ${name} was already posted at ${earlier.finishedAt ?? earlier.startedAt}; nothing posted (\`--resend all\` posts it again)` };
  }
  const why = earlier.status === 'sending' ? 'the send stopped while posting it' : (earlier.error ?? 'no answer came');
  return { channel: label, ok: false, uncertain: true, summary: `${label}: ${describeDoubt(earlier, name)} (${why}, ${earlier.startedAt}); not repeated: ${describeResend(earlier)}` };
}

function describeDoubt(attempt: Pick<ChannelAttempt, 'posted' | 'messages'>, name: string): string {
  return `message ${attempt.posted + 1} of ${attempt.messages} of ${name} may or may not have arrived`;
}

function describeResend(attempt: Pick<ChannelAttempt, 'posted' | 'messages'>): string {
  const rest = attempt.messages - attempt.posted - 1;
  return `check the channel, then \`--resend\` repeats it${rest > 0 ? ` and posts the ${rest} after it` : ''}`;
}
