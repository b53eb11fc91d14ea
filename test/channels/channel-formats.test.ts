import { describe, expect, it } from 'vitest';
import type { ChannelDigest } from '../../src/channels/channel-digest.js';
import { clipText } from '../../src/channels/clip-text.js';
import { renderChannelMessages } from '../../src/channels/render-channel-messages.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';
import { useChatFolder } from '../helpers/use-chat-folder.js';

const DATE = '2025-01-31';
const LINK = 'https://brief.example.org/papers/2501.10000v1.html';
const SCIENTIST = '👩\u200D🔬';

function makeDigest(items: Array<{ title: string; tldr: string }>): ChannelDigest {
  return { date: DATE, items: items.map((item) => ({ ...item, link: LINK })), editionUrl: 'https://brief.example.org/digests/2025-01-31.html' };
}

type SlackBody = { blocks: Array<{ type: string; text?: { type: string; text: string }; elements?: Array<{ elements: Array<{ type: string; text: string }> }> }> };
type DiscordBody = { embeds: Array<{ title: string; description: string }> };

describe('Slack', () => {
  it("shows a title's *, _, ~, backticks and <!channel> as written, never as formatting or a mention", () => {
    const title = 'Why *bold* _claims_ ~fail~ in `code` <!channel> & <https://evil.example|links>';
    const [message] = renderChannelMessages('slack', makeDigest([{ title, tldr: 'It is *not* _so_.' }])) as unknown as SlackBody[];
    // mrkdwn is where these marks become formatting; rich text shows them as typed.
    expect(message!.blocks.filter((block) => block.text?.type === 'mrkdwn')).toEqual([]);
    const elements = message!.blocks.flatMap((block) => block.elements?.flatMap((section) => section.elements) ?? []);
    expect(elements[0]).toMatchObject({ type: 'link', url: LINK, text: `1. ${title}`, style: { bold: true } });
    expect(elements[1]).toEqual({ type: 'text', text: '\nIt is *not* _so_.' });
  });
});

describe('Discord', () => {
  it('keeps each embed within 4,096 and each message within 6,000 UTF-16 units, however many astral characters the text has', () => {
    // 𝒳 is one character but two UTF-16 units: counted as characters, four of these TLDRs fit one embed and Discord refuses it.
    const items = Array.from({ length: 12 }, (_, index) => ({ title: `Paper ${index + 1}`, tldr: '𝒳'.repeat(480) }));
    const messages = renderChannelMessages('discord', makeDigest(items)) as unknown as DiscordBody[];
    for (const { embeds } of messages) {
      expect(embeds[0]!.description.length).toBeLessThanOrEqual(4096);
      expect(embeds.reduce((sum, embed) => sum + embed.title.length + embed.description.length, 0)).toBeLessThanOrEqual(6000);
      expect(embeds[0]!.description).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(messages.map(({ embeds }) => embeds[0]!.description).join('').match(/Paper \d+/g)).toHaveLength(12);
  });
});

describe('Telegram', () => {
  it('asks for no link preview with link_preview_options, not the removed disable_web_page_preview', () => {
    const bodies = [...renderChannelMessages('telegram', makeDigest([{ title: 'A paper', tldr: 'It works.' }])), ...renderChannelMessages('telegram', { date: DATE, items: [], note: 'No edition today.' })];
    for (const body of bodies) {
      expect(body.link_preview_options).toEqual({ is_disabled: true });
      expect(body).not.toHaveProperty('disable_web_page_preview');
    }
  });
});

describe('clipText', () => {
  it('counts UTF-16 units and never cuts an emoji sequence in two', () => {
    expect(clipText(`ab${SCIENTIST}cd`, 5)).toBe('ab…');
    expect(clipText(`ab${SCIENTIST}cd`, 8)).toBe(`ab${SCIENTIST}…`);
    expect(clipText('𝒳𝒳𝒳', 4)).toBe('𝒳…');
  });
});

describe('emoji made of joined characters', () => {
  const folder = useChatFolder();

  it(`reach every channel whole (${SCIENTIST}, not 👩🔬)`, async () => {
    const { outputDir, chat } = folder;
    await storeEdition(outputDir, DATE, [makeSampleBrief({ paper: { title: `Automating the ${SCIENTIST}: agents that run lab experiments` }, tldr: `An agent ${SCIENTIST} plans and runs wet-lab experiments.` })]);
    const webhooks = (['slack', 'discord', 'telegram', 'json'] as const).map((service) => chat.webhook(service));
    const result = await runCliCaptured(['send', '--date', DATE], { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_WEBHOOKS: webhooks.join(',') });
    expect(result.code).toBe(0);
    expect(chat.posts).toHaveLength(4);
    for (const post of chat.posts) {
      const body = JSON.stringify(post.body);
      expect(body, post.service).toContain(`the ${SCIENTIST}: agents`);
      expect(body, post.service).toContain(`agent ${SCIENTIST} plans`);
      expect(body, post.service).not.toContain('👩🔬');
    }
  });
});
