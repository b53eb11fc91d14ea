import { type Channel, parseChannelUrl } from './parse-channel-url.js';

/** A comma-separated webhook list (SUMMARIZE_WEBHOOKS) or the repeated --webhook values, as channels; each once. */
export function parseChannelUrls(value: string | readonly string[]): Channel[] | string {
  const entries = (typeof value === 'string' ? value.split(',') : value.flatMap((entry) => entry.split(','))).map((entry) => entry.trim()).filter(Boolean);
  const channels = new Map<string, Channel>();
  for (const [index, entry] of entries.entries()) {
    const parsed = parseChannelUrl(entry);
    if (typeof parsed === 'string') return `webhook ${index + 1}: ${parsed}`;
    channels.set(parsed.label, parsed);
  }
  return [...channels.values()];
}
