/** The identifier arXiv prints in the margin: new style `1804.08269v2` or old style `hep-th/9108004v1`. */
const ARXIV_ID = String.raw`(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?`;

/** The full side stamp, `arXiv:1804.08269v2 [nucl-th] 17 Aug 2018`; the date keeps citations of arXiv IDs safe. */
export const ARXIV_STAMP = new RegExp(
  String.raw`arXiv:${ARXIV_ID}\s+(?:\[[\w.-]+\]\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}`,
  'g',
);

/** The same stamp read one glyph per line (rotated text), with the spaces lost. */
const COMPACT_STAMP = new RegExp(
  String.raw`^arXiv:${ARXIV_ID}(?:\[[\w.-]+\])?\d{1,2}[A-Z][a-z]{2}\d{4}$`,
);

/** A rotated stamp is at least this many one-glyph lines in a row. */
const MIN_VERTICAL_RUN = 15;

/** Removes arXiv's side stamp from each page, whether pdf.js gives it as one line or one glyph per line. */
export function removeArxivStamps(pages: string[]): { pages: string[]; removed: number } {
  let removed = 0;
  const cleaned = pages.map((page) => {
    const inline = page.replace(ARXIV_STAMP, () => {
      removed += 1;
      return '';
    });
    const vertical = removeVerticalStamp(inline);
    removed += vertical.removed;
    return vertical.text;
  });
  return { pages: cleaned, removed };
}

// --- internal ---

function removeVerticalStamp(page: string): { text: string; removed: number } {
  const lines = page.split('\n');
  let removed = 0;
  let runStart = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    const line = lines[index]?.trim();
    if (line !== undefined && line.length > 0 && line.length <= 3) continue;
    if (index - runStart >= MIN_VERTICAL_RUN) {
      const glyphs = lines.slice(runStart, index).map((glyph) => glyph.trim());
      const forward = glyphs.join('');
      const backward = [...forward].reverse().join('');
      if (COMPACT_STAMP.test(forward) || COMPACT_STAMP.test(backward)) {
        lines.splice(runStart, index - runStart);
        index = runStart;
        removed += 1;
      }
    }
    runStart = index + 1;
  }
  return { text: lines.join('\n'), removed };
}
