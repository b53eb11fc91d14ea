import type { PaperMetadata } from '../brief/brief-schema.js';
import { renderPrompt } from '../brief/render-prompt.js';
import type { AvailableFigure } from '../styles/style-definition.js';
import { describeFigures } from './describe-figures.js';

/**
 * The paper as every call of it reads it (prompts/paper.md): title, authors, categories, abstract, the list of
 * figures when a style shows them (`null`: none does), and the text as fitted. Byte-identical for all of them.
 */
export function renderPaperBlock(template: string, paper: PaperMetadata, paperText: string, figures: readonly AvailableFigure[] | null): string {
  return renderPrompt(template, { ...describePaper(paper, paperText), figures: figures === null ? '' : `\nFigures of the paper:\n${describeFigures(figures)}\n` });
}

/** The values of a paper's placeholders: `{{title}}`, `{{authors}}`, `{{categories}}`, `{{abstract}}`, `{{paperText}}`. */
export function describePaper(paper: PaperMetadata, paperText: string): Record<string, string> {
  return {
    title: paper.title,
    authors: paper.authors.join(', '),
    categories: paper.categories.join(', '),
    abstract: paper.abstract,
    paperText,
  };
}
