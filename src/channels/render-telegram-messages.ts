import { escapeHtml } from '../output/escape-html.js';
import type { ChannelDigest } from './channel-digest.js';
import { clipText } from './clip-text.js';

// Telegram's sendMessage takes at most 4,096 characters of text; the HTML is counted whole in UTF-16 units, a safe upper bound.
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Telegram sendMessage bodies (parse_mode HTML), split at a paper's boundary to stay within 4,096 characters. */
export function renderTelegramMessages(digest: ChannelDigest): Array<Record<string, unknown>> {
  const heading = `<b>arXiv Brief · ${escapeHtml(digest.date)}</b>\n<b>In this issue</b>`;
  const entries = digest.items.map(
    (item, index) => `<b>${index + 1}. <a href="${escapeHtml(item.link)}">${escapeHtml(clipText(item.title, 300))}</a></b>\n${escapeHtml(clipText(item.tldr, 1500))}`,
  );
  if (digest.editionUrl) entries.push(`<a href="${escapeHtml(digest.editionUrl)}">Read the full edition of ${escapeHtml(digest.date)}</a>`);
  const texts: string[] = [];
  let current = heading;
  for (const entry of entries) {
    const joined = `${current}\n\n${entry}`;
    if (joined.length > TELEGRAM_TEXT_LIMIT) {
      texts.push(current);
      current = entry;
    } else current = joined;
  }
  texts.push(current);
  // link_preview_options replaced disable_web_page_preview (Bot API 7.0), which Telegram may drop at any time.
  return texts.map((text) => ({ text, parse_mode: 'HTML', link_preview_options: { is_disabled: true } }));
}
