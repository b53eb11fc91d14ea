import type { ChannelDigest } from './channel-digest.js';
import { clipText } from './clip-text.js';

// Discord's documented embed limits, counted in UTF-16 code units: title 256, description 4,096, 6,000 across a message's embeds (10 at most).
export const DISCORD_LIMITS = { title: 256, description: 4096, messageCharacters: 6000 } as const;

/** Discord webhook bodies: one embed a message, titled with the date and linking the full edition, "In this issue" in its description. */
export function renderDiscordMessages(digest: ChannelDigest): Array<Record<string, unknown>> {
  const entries = digest.items.map((item, index) => clipText(`**${index + 1}. [${escapeDiscord(clipText(item.title, 200))}](${item.link})**\n${escapeDiscord(item.tldr)}`, 1000));
  if (digest.editionUrl) entries.push(`[Read the full edition of ${digest.date}](${digest.editionUrl})`);
  const descriptions: string[] = [];
  let current = '';
  for (const entry of entries) {
    const joined = current === '' ? entry : `${current}\n\n${entry}`;
    if (joined.length > DISCORD_LIMITS.description && current !== '') {
      descriptions.push(current);
      current = entry;
    } else current = joined;
  }
  descriptions.push(current);
  return descriptions.map((description, index) => {
    const part = descriptions.length > 1 ? ` (${index + 1}/${descriptions.length})` : '';
    const title = clipText(`arXiv Brief · ${digest.date} · In this issue${part}`, DISCORD_LIMITS.title);
    return { embeds: [{ title, description, ...(digest.editionUrl ? { url: digest.editionUrl } : {}) }] };
  });
}

// --- internal ---

// Brackets would end the link text early; the other marks would format a title.
function escapeDiscord(text: string): string {
  return text.replace(/([\\[\]*_~`|>])/g, '\\$1');
}
