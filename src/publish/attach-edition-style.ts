import { readStoredStyle } from '../styles/style-store.js';
import type { ProseStyleName } from '../brief/style-names.js';
import type { Edition } from '../edition/edition.js';

/** The edition in a prose style: each paper with its stored text in it (a paper without one keeps its brief's points). */
export async function attachEditionStyle(outputDir: string, edition: Edition, style: ProseStyleName | undefined): Promise<Edition> {
  const { style: _previous, ...rest } = edition;
  if (style === undefined) return { ...rest, papers: edition.papers.map(({ styled: _styled, ...paper }) => paper) };
  const papers = await Promise.all(
    edition.papers.map(async (paper) => {
      const styled = await readStoredStyle(outputDir, paper.brief.paper, style, paper.brief.generation.language ?? 'en');
      return styled ? { ...paper, styled } : paper;
    }),
  );
  return { ...rest, style, papers };
}
