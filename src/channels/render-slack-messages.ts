import type { ChannelDigest } from './channel-digest.js';
import { clipText } from './clip-text.js';

// Slack's documented limits: 50 blocks a message, 150 characters a header; a paper's block is kept to 3,000 like a
// section's text, and a message whose blocks pass ~13,000 characters is refused (msg_blocks_too_long), so each stays under 12,000.
export const SLACK_LIMITS = { blocks: 50, header: 150, section: 3000, messageText: 12_000 } as const;

/**
 * Slack incoming-webhook bodies (Block Kit): a header with the date, a block per paper, the full edition's link; split to stay
 * within limits. Titles and TLDRs go in rich-text elements, which Slack shows as written: a title's `*`, `_`, `~` or backtick
 * never turns into bold, italics, strike-through or code, and `<` never into a link or a mention, as it would in mrkdwn.
 */
export function renderSlackMessages(digest: ChannelDigest): Array<Record<string, unknown>> {
  const header = { type: 'header', text: { type: 'plain_text', text: clipText(`arXiv Brief · ${digest.date} · In this issue`, SLACK_LIMITS.header) } };
  const papers = digest.items.map((item, index) => {
    const title = `${index + 1}. ${clipText(item.title, 300)}`;
    return renderRichText({ url: item.link, text: title, bold: true }, `\n${clipText(item.tldr, SLACK_LIMITS.section - title.length - 1)}`);
  });
  const footer = digest.editionUrl ? [renderRichText({ url: digest.editionUrl, text: `Read the full edition of ${digest.date}`, bold: false })] : [];
  const messages: Array<Array<SlackBlock>> = [];
  let current: SlackBlock[] = [header];
  let size = header.text.text.length;
  for (const block of [...papers, ...footer]) {
    if (current.length + 1 > SLACK_LIMITS.blocks || size + block.characters > SLACK_LIMITS.messageText) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(block.block);
    size += block.characters;
  }
  messages.push(current);
  return messages.map((blocks, index) => ({ text: `arXiv Brief ${digest.date}${messages.length > 1 ? ` (${index + 1}/${messages.length})` : ''}`, blocks }));
}

// --- internal ---

type SlackBlock = Record<string, unknown>;

// One rich-text paragraph: a link, then plain text; with its length, which counts towards the message's limit.
function renderRichText(link: { url: string; text: string; bold: boolean }, text = ''): { block: SlackBlock; characters: number } {
  const elements = [
    { type: 'link', url: link.url, text: link.text, ...(link.bold ? { style: { bold: true } } : {}) },
    ...(text === '' ? [] : [{ type: 'text', text }]),
  ];
  return { block: { type: 'rich_text', elements: [{ type: 'rich_text_section', elements }] }, characters: link.text.length + text.length };
}
