import type { ChannelDigest } from './channel-digest.js';
import type { ChannelService } from '../config/parse-channel-url.js';
import { renderChannelNote } from './render-channel-note.js';
import { renderDiscordMessages } from './render-discord-messages.js';
import { renderSlackMessages } from './render-slack-messages.js';
import { renderTelegramMessages } from './render-telegram-messages.js';

/** The JSON bodies to POST, in order, as the service expects them; a generic endpoint gets the digest itself with a plain-text summary. */
export function renderChannelMessages(service: ChannelService, digest: ChannelDigest): Array<Record<string, unknown>> {
  if (digest.note !== undefined) return [renderChannelNote(service, digest.note, digest)];
  if (service === 'slack') return renderSlackMessages(digest);
  if (service === 'discord') return renderDiscordMessages(digest);
  if (service === 'telegram') return renderTelegramMessages(digest);
  const text = [`arXiv Brief ${digest.date}: in this issue`, ...digest.items.map((item, index) => `${index + 1}. ${item.title}: ${item.tldr} ${item.link}`), digest.editionUrl ?? ''];
  return [{ ...digest, text: text.filter(Boolean).join('\n') }];
}
