import { z } from 'zod';
import { escapeHtml } from '../output/escape-html.js';
import { escapeMarkdownInline } from '../output/escape-markdown.js';
import { checkWordCount } from './check-word-count.js';
import type { StyleDefinition } from './style-definition.js';

const WORDS = { min: 150, max: 250 };

// Plain prose: a heading or list marker at a paragraph's start would break the Sunday read.
const paragraph = z
  .string()
  .trim()
  .min(1)
  .refine((text) => !/^(#|[-*+] |\d+\. )/.test(text), 'plain prose: no heading or list marker at the start of a paragraph');

const BlurbContentSchema = z
  .object({ paragraphs: z.array(paragraph).min(2).max(3) })
  .superRefine((content, context) => checkWordCount(content.paragraphs, WORDS, context));
type BlurbContent = z.infer<typeof BlurbContentSchema>;

/** `blurb`: two or three paragraphs of plain prose (what, how, results with numbers, why it matters), no headings. */
export const blurbStyle: StyleDefinition<BlurbContent> = {
  name: 'blurb',
  schemaName: 'paper_blurb',
  words: WORDS,
  // About 1.5 tokens a word, and reasoning models think on top.
  expectedOutputTokens: 800,
  buildSchema: () => BlurbContentSchema,
  listTexts: (content) => content.paragraphs,
  renderMarkdown: (content) => content.paragraphs.map(escapeMarkdownInline).join('\n\n'),
  renderHtml: (content) => content.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n'),
};
