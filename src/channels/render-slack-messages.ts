import type { ChannelDigest } from './channel-digest.js';
import { clipText } from './clip-text.js';

// Slack's documented limits: 50 blocks a message, 150 characters a header, 3,000 a section's text;
// a message whose blocks pass ~13,000 characters is refused (msg_blocks_too_long), so each stays under 12,000.
export const SLACK_LIMITS = { blocks: 50, header: 150, section: 3000, messageText: 12_000 } as const;

/** Slack incoming-webhook bodies (Block Kit): a header with the date, a section per paper, the full edition's link; split to stay within limits. */
export function renderSlackMessages(digest: ChannelDigest): Array<Record<string, unknown>> {
  const header = { type: 'header', text: { type: 'plain_text', text: clipText(`arXiv Brief · ${digest.date} · In this issue`, SLACK_LIMITS.header) } };
  const sections = digest.items.map((item, index) => {
    const title = `*${index + 1}. <${item.link}|${escapeSlack(clipText(item.title, 300))}>*`;
    return { type: 'section', text: { type: 'mrkdwn', text: clipText(`${title}\n${escapeSlack(item.tldr)}`, SLACK_LIMITS.section) } };
  });
  const footer = digest.editionUrl
    ? [{ type: 'section', text: { type: 'mrkdwn', text: `<${digest.editionUrl}|Read the full edition of ${digest.date}>` } }]
    : [];
  const messages: Array<Array<Record<string, unknown>>> = [];
  let current: Array<Record<string, unknown>> = [header];
  let size = header.text.text.length;
  for (const block of [...sections, ...footer]) {
    const length = block.text.text.length;
    if (current.length + 1 > SLACK_LIMITS.blocks || size + length > SLACK_LIMITS.messageText) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += length;
  }
  messages.push(current);
  return messages.map((blocks, index) => ({ text: `arXiv Brief ${digest.date}${messages.length > 1 ? ` (${index + 1}/${messages.length})` : ''}`, blocks }));
}

// --- internal ---

// The three characters mrkdwn reserves for links and mentions.
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
