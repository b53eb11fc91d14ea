import { parse } from 'node-html-parser';

/** A figure of arXiv's HTML rendering: its number, caption and absolute image URL. */
export interface HtmlFigure {
  number: number;
  caption: string;
  imageUrl: string;
}

/** The numbered figures of an arXiv (LaTeXML) HTML page, each with one image; tables and unnumbered figures are left out. */
export function parseHtmlFigures(html: string, pageUrl: string): HtmlFigure[] {
  const root = parse(html);
  const figures: HtmlFigure[] = [];
  for (const figure of root.querySelectorAll('figure.ltx_figure')) {
    // Sub-figures sit inside their parent figure, which carries the number.
    if (figure.parentNode?.closest('figure.ltx_figure')) continue;
    const captionElement = figure.querySelectorAll('figcaption').at(-1);
    const tag = captionElement?.querySelector('.ltx_tag_figure')?.text ?? '';
    const number = Number(/(\d+)/.exec(tag)?.[1]);
    const source = figure.querySelector('img')?.getAttribute('src');
    if (!captionElement || !Number.isInteger(number) || number <= 0 || !source) continue;
    const caption = collapseSpaces(captionElement.text.slice(captionElement.text.indexOf(tag) + tag.length));
    if (caption === '' || figures.some((known) => known.number === number)) continue;
    const imageUrl = resolveImageUrl(source, pageUrl);
    if (imageUrl !== null) figures.push({ number, caption, imageUrl });
  }
  return figures;
}

// --- internal ---

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// arXiv's image URLs are relative to the page (`x1.png` under `/html/<id>v<n>/`); only http(s) on the page's host is fetched.
function resolveImageUrl(source: string, pageUrl: string): string | null {
  const base = pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`;
  try {
    const url = new URL(source, base);
    return url.origin === new URL(base).origin ? url.href : null;
  } catch {
    return null;
  }
}
