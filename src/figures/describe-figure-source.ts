/** The provenance line of a text's figures: where they came from, or why there are none. */
export function describeFigureSource(source: 'html' | 'pdf' | 'none'): string {
  if (source === 'html') return "Figures from arXiv's HTML rendering of the paper.";
  if (source === 'pdf') return "Figures from the paper's PDF.";
  return "Written without figures: none could be taken from arXiv's HTML rendering (the paper may have none) or from its PDF.";
}
