import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';

export interface MakePdfOptions {
  /** Set as the document title and drawn larger at the top of the first page. */
  title?: string;
  /** Each page's text; lines split on \n, long lines wrapped to the page width. */
  pages: string[];
  /** Drawn in white on the first page: invisible to a reader, present in the text layer (prompt-injection tests). */
  hiddenText?: string;
  /** Default: 11. */
  fontSize?: number;
  author?: string;
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;

/** A text PDF made at test time with pdf-lib (Helvetica), for fakes and extraction tests. */
export async function makePdf(options: MakePdfOptions): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const boldFont = await document.embedFont(StandardFonts.HelveticaBold);
  const fontSize = options.fontSize ?? 11;
  if (options.title) document.setTitle(options.title);
  if (options.author) document.setAuthor(options.author);
  options.pages.forEach((pageText, pageIndex) => {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    let y = PAGE_HEIGHT - MARGIN;
    if (pageIndex === 0 && options.title) {
      y = drawLines(page, wrap(encodable(options.title, boldFont), boldFont, fontSize + 6), boldFont, fontSize + 6, y);
      y -= fontSize;
    }
    const lines = pageText.split('\n').flatMap((line) => wrap(encodable(line, font), font, fontSize));
    y = drawLines(page, lines, font, fontSize, y);
    if (pageIndex === 0 && options.hiddenText) {
      const hidden = wrap(encodable(options.hiddenText, font), font, fontSize);
      drawLines(page, hidden, font, fontSize, Math.min(y - fontSize, MARGIN + hidden.length * fontSize * 1.3), rgb(1, 1, 1));
    }
  });
  return document.save();
}

/** A one-page PDF with only a drawn rectangle: no text layer, like a scanned page. */
export async function makeScannedLikePdf(pageCount = 1): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let index = 0; index < pageCount; index += 1) {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.drawRectangle({ x: MARGIN, y: MARGIN, width: 300, height: 400, color: rgb(0.3, 0.3, 0.3) });
  }
  return document.save();
}

// --- internal ---

function drawLines(page: PDFPage, lines: string[], font: PDFFont, size: number, top: number, color = rgb(0, 0, 0)): number {
  let y = top;
  for (const line of lines) {
    // Text past the bottom margin is dropped: callers put one page's worth per page.
    if (y < MARGIN / 2) break;
    if (line !== '') page.drawText(line, { x: MARGIN, y, size, font, color });
    y -= size * 1.3;
  }
  return y;
}

function wrap(line: string, font: PDFFont, size: number): string[] {
  const maxWidth = PAGE_WIDTH - 2 * MARGIN;
  if (font.widthOfTextAtSize(line, size) <= maxWidth) return [line];
  const wrapped: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      wrapped.push(current);
      current = word;
    } else current = candidate;
  }
  wrapped.push(current);
  return wrapped;
}

/** Helvetica in pdf-lib speaks WinAnsi only; other characters become '?'. */
function encodable(text: string, font: PDFFont): string {
  let result = '';
  for (const character of text) {
    try {
      font.encodeText(character);
      result += character;
    } catch {
      result += '?';
    }
  }
  return result;
}
