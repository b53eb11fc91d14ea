import { z } from 'zod';
import { getMessages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { escapeMarkdownInline } from '../output/escape-markdown.js';
import { checkWordCount } from './check-word-count.js';
import type { StyleDefinition, StyleInput } from './style-definition.js';

const WORDS = { min: 600, max: 1_200 };
// The commentary shows at most this many of the paper's figures.
const MAX_FIGURES = 3;

const text = z.string().trim().min(1);

function buildCommentarySchema({ figures }: StyleInput) {
  const numbers = figures.map((figure) => figure.number);
  const pick = z.object({
    number: z
      .number()
      .int()
      .refine((number) => numbers.includes(number), numbers.length === 0 ? 'the paper has no figures to pick: leave figures empty' : `pick only figures ${numbers.join(', ')}`),
    why: text.describe('one paragraph on what the figure shows and why it matters'),
  });
  return z
    .object({
      sections: z.array(z.object({ heading: text, paragraphs: z.array(text).min(1) })).min(3).max(6),
      figures: z.array(pick).max(numbers.length === 0 ? 0 : MAX_FIGURES),
    })
    .superRefine((content, context) => checkWordCount(listCommentaryTexts(content), WORDS, context));
}
type CommentaryContent = z.infer<ReturnType<typeof buildCommentarySchema>>;

/** `commentary`: a critical long read in sections, with up to three of the paper's own figures picked by number. */
export const commentaryStyle: StyleDefinition<CommentaryContent> = {
  name: 'commentary',
  schemaName: 'paper_commentary',
  words: WORDS,
  // About 1.5 tokens a word, and reasoning models think on top.
  expectedOutputTokens: 3_000,
  buildSchema: buildCommentarySchema,
  listTexts: listCommentaryTexts,
  showsFigures: true,
  renderMarkdown: (content, shown = [], language) =>
    [
      ...content.sections.map((section) => [`### ${escapeMarkdownInline(section.heading)}`, ...section.paragraphs.map(escapeMarkdownInline)].join('\n\n')),
      ...content.figures.map((figure) => {
        const image = shown.find((candidate) => candidate.number === figure.number);
        const picture = image ? `![${escapeMarkdownInline(image.caption).replace(/[[\]]/g, '\\$&')}](${image.file})\n\n` : '';
        return `${picture}**${getMessages(language).figure(figure.number)}${getMessages(language).fullStop}** ${escapeMarkdownInline(figure.why)}`;
      }),
    ].join('\n\n'),
  renderHtml: (content, shown = [], language) =>
    [
      ...content.sections.map((section) => [`<h3>${escapeHtml(section.heading)}</h3>`, ...section.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)].join('\n')),
      ...content.figures.map((figure) => {
        const image = shown.find((candidate) => candidate.number === figure.number);
        const { figure: name, colon, fullStop } = getMessages(language);
        const picture = image ? `<figure><img src="${escapeHtml(image.file)}" alt="${escapeHtml(image.caption)}" style="max-width:100%;height:auto"><figcaption>${escapeHtml(`${name(figure.number)}${colon}`)}${escapeHtml(image.caption)}</figcaption></figure>\n` : '';
        return `${picture}<p><strong>${escapeHtml(`${name(figure.number)}${fullStop}`)}</strong> ${escapeHtml(figure.why)}</p>`;
      }),
    ].join('\n'),
};

// --- internal ---

function listCommentaryTexts(content: { sections: Array<{ heading: string; paragraphs: string[] }>; figures: Array<{ why: string }> }): string[] {
  return [...content.sections.flatMap((section) => [section.heading, ...section.paragraphs]), ...content.figures.map((figure) => figure.why)];
}
