import type { ChannelDigest } from './channel-digest.js';
import type { ChannelService } from '../config/parse-channel-url.js';

/** The one message of a day without an edition, in each service's simplest form: the line as plain text (ours, so it needs no escaping). */
export function renderChannelNote(service: ChannelService, line: string, digest: ChannelDigest): Record<string, unknown> {
  if (service === 'slack') return { text: line };
  if (service === 'discord') return { content: line, allowed_mentions: { parse: [] } };
  if (service === 'telegram') return { text: line, link_preview_options: { is_disabled: true } };
  return { ...digest, text: line };
}
