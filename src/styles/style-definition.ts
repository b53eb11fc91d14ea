import type { z } from 'zod';
import type { ShownFigure } from '../figures/place-figures.js';
import type { ProseStyleName } from '../brief/style-names.js';

/** A figure of the paper the model may pick, by its number in the paper. */
export interface AvailableFigure {
  number: number;
  caption: string;
}

/** What a style's prompt and schema depend on beyond the paper. */
export interface StyleInput {
  /** The paper's figures with number and caption; empty when none could be extracted. */
  figures: AvailableFigure[];
}

/** One style of text about a paper: its prompt file, its schema, its limits and how it is shown. */
export interface StyleDefinition<Content = unknown> {
  /** Also names its prompt, `prompts/<name>.md`: `{{title}}`, `{{authors}}`, `{{categories}}`, `{{abstract}}`, `{{paperText}}`, `{{figures}}`. */
  name: ProseStyleName;
  /** Names the schema for the server (letters, digits, _ and -). */
  schemaName: string;
  /** Words of prose the text must have, checked by the schema so a wrong length is repaired. */
  words: { min: number; max: number };
  /** Output tokens of a typical answer, for the dry run's estimate and the --max-cost reservation. */
  expectedOutputTokens: number;
  /** The schema of what the model writes; the figures it may pick depend on the paper. */
  buildSchema(input: StyleInput): z.ZodType<Content>;
  /** Every text the reader sees, for the word count and the grounding of numbers. */
  listTexts(content: Content): string[];
  /** True when the style shows the paper's figures, so they are collected before it is written. */
  showsFigures?: boolean;
  /** `figures`: the picked figures' images beside the page, placed by number; `language`: the text's, for the words around it (default English). */
  renderMarkdown(content: Content, figures?: ShownFigure[], language?: string): string;
  renderHtml(content: Content, figures?: ShownFigure[], language?: string): string;
}
