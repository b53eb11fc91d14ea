import { PDFParse } from 'pdf-parse';
import type { FoundFigure } from './paper-figure.js';

// A figure smaller than this on either side is an icon or a logo, not a figure.
const MIN_IMAGE_SIDE = 150;
const MAX_CAPTION_CHARS = 600;

/**
 * Figures embedded in the PDF as images, paired with their "Figure N: ..." caption: only on a page
 * with exactly one new caption, whose largest image is taken; anything less certain is left out.
 */
export async function extractPdfFigures(pdf: Uint8Array): Promise<FoundFigure[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  try {
    const images = await parser.getImage({ imageDataUrl: false, imageThreshold: MIN_IMAGE_SIDE });
    const text = await parser.getText({ pageJoiner: '' });
    const figures: FoundFigure[] = [];
    for (const page of images.pages) {
      const largest = page.images.toSorted((a, b) => b.width * b.height - a.width * a.height)[0];
      const pageText = text.pages.find((candidate) => candidate.num === page.pageNumber)?.text ?? '';
      const captions = findCaptions(pageText).filter((caption) => !figures.some((known) => known.number === caption.number));
      if (largest === undefined || captions.length !== 1) continue;
      figures.push({ ...captions[0]!, image: largest.data });
    }
    return figures.toSorted((a, b) => a.number - b.number);
  } finally {
    await parser.destroy();
  }
}

// --- internal ---

// A caption starts a line with "Figure N:" or "Fig. N." and runs to the next blank line.
function findCaptions(pageText: string): Array<{ number: number; caption: string }> {
  return [...pageText.matchAll(/(?:^|\n)[ \t]*(?:Figure|Fig\.)[ \t]*(\d+)[:.][ \t]*([^\n]+(?:\n(?![ \t]*\n)[^\n]+)*)/g)].map((match) => ({
    number: Number(match[1]),
    caption: truncateCaption(match[2]!.replace(/\s+/g, ' ').trim()),
  }));
}

function truncateCaption(caption: string): string {
  return caption.length <= MAX_CAPTION_CHARS ? caption : `${caption.slice(0, MAX_CAPTION_CHARS - 1).trimEnd()}…`;
}
