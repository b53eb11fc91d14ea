import { PDFDocument, type PDFPage, StandardFonts, rgb } from 'pdf-lib';

/** One block of a generated page, drawn `gapBefore` points under the block before it. */
export type FigurePdfBlock = { gapBefore?: number } & (
  | { kind: 'text'; lines: string[]; size?: number }
  | { kind: 'photo'; png: Uint8Array; width: number; height: number }
  | { kind: 'drawing'; width: number; height: number }
);

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;

/** A PDF laid out like a one-column paper, top to bottom from blocks: text lines as given, embedded photos and vector drawings centred. */
export async function makeFigurePdf(pages: FigurePdfBlock[][]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.TimesRoman);
  for (const blocks of pages) {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    let y = PAGE_HEIGHT - MARGIN;
    for (const block of blocks) {
      y -= block.gapBefore ?? 0;
      if (block.kind === 'text') {
        const size = block.size ?? 10;
        for (const line of block.lines) {
          page.drawText(line, { x: MARGIN, y: y - size, size, font });
          y -= size * 1.2;
        }
      } else if (block.kind === 'photo') {
        const image = await document.embedPng(block.png);
        page.drawImage(image, { x: (PAGE_WIDTH - block.width) / 2, y: y - block.height, width: block.width, height: block.height });
        y -= block.height;
      } else {
        drawCircuit(page, (PAGE_WIDTH - block.width) / 2, y - block.height, block.width, block.height);
        y -= block.height;
      }
    }
  }
  return document.save();
}

/** `count` lines of running text, each about as wide as the 468-point column at 10 points. */
export function makeBodyLines(count: number, topic = 'sensor'): string[] {
  const words = `The ${topic} readings were taken every second and averaged over ten runs, which keeps the noise low enough for the comparison below.`.split(' ');
  const lines: string[] = [];
  for (let index = 0; lines.length < count; index += 1) {
    const word = words[index % words.length]!;
    const last = lines.at(-1);
    if (last === undefined || last.length > 88) lines.push(word);
    else lines[lines.length - 1] = `${last} ${word}`;
  }
  return lines;
}

// --- internal ---

// A frame with a zigzag resistor and leads: a vector figure with no image in it.
function drawCircuit(page: PDFPage, x: number, y: number, width: number, height: number): void {
  page.drawRectangle({ x, y, width, height, borderColor: rgb(0, 0, 0), borderWidth: 1 });
  const middle = y + height / 2;
  page.drawLine({ start: { x: x + 10, y: middle }, end: { x: x + width / 3, y: middle }, thickness: 1 });
  for (let step = 0; step < 6; step += 1) {
    const from = x + width / 3 + (step * width) / 18;
    page.drawLine({ start: { x: from, y: middle + (step % 2 === 0 ? 10 : -10) }, end: { x: from + width / 18, y: middle + (step % 2 === 0 ? -10 : 10) }, thickness: 1 });
  }
  page.drawLine({ start: { x: x + (2 * width) / 3, y: middle }, end: { x: x + width - 10, y: middle }, thickness: 1 });
}
