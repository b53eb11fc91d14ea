import type { Channel } from '../config/parse-channel-url.js';

/** Spaces the requests to each channel as its service asks, and holds a channel for as long as the service says. */
export interface ChannelPacer {
  /** Resolves when the next request to this channel may start, and counts it as started. */
  waitForTurn(channel: Channel): Promise<void>;
  /** No request to this channel for this long from now (a 429's retry-after, Discord's emptied bucket). */
  holdFor(channel: Channel, milliseconds: number): void;
}

export interface ChannelPacerOptions {
  /** Milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
  sleep?: (milliseconds: number) => Promise<void>;
}

/** A pacer for one send: each channel's requests spaced by its service's published rate limits. */
export function createChannelPacer(options: ChannelPacerOptions = {}): ChannelPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  const starts = new Map<string, number[]>();
  const holds = new Map<string, number>();
  return {
    async waitForTurn(channel) {
      const pace = choosePace(channel);
      const earlier = starts.get(channel.label) ?? [];
      const last = earlier.at(-1);
      let earliest = Math.max(holds.get(channel.label) ?? 0, last === undefined ? 0 : last + pace.minIntervalMs);
      const windowStart = pace.window ? earlier.at(-pace.window.count) : undefined;
      if (pace.window && windowStart !== undefined) earliest = Math.max(earliest, windowStart + pace.window.ms);
      const wait = earliest - now();
      if (wait > 0) await sleep(wait);
      starts.set(channel.label, [...earlier.slice(-(pace.window?.count ?? 1)), now()]);
    },
    holdFor(channel, milliseconds) {
      holds.set(channel.label, Math.max(holds.get(channel.label) ?? 0, now() + milliseconds));
    },
  };
}

// --- internal ---

interface Pace {
  /** Between the starts of two requests. */
  minIntervalMs: number;
  /** At most `count` request starts in any `ms`. */
  window?: { count: number; ms: number };
}

// Telegram: about one message a second to a chat, 20 a minute to a group or channel (a negative chat_id).
// Discord: 5 requests per 2 s per webhook. Slack: one message a second per incoming webhook.
function choosePace(channel: Channel): Pace {
  if (channel.service === 'telegram') {
    const isGroup = new URL(channel.url).searchParams.get('chat_id')?.startsWith('-') ?? false;
    return isGroup ? { minIntervalMs: 1000, window: { count: 20, ms: 60_000 } } : { minIntervalMs: 1000 };
  }
  if (channel.service === 'discord') return { minIntervalMs: 0, window: { count: 5, ms: 2000 } };
  if (channel.service === 'slack') return { minIntervalMs: 1000 };
  return { minIntervalMs: 0 };
}
