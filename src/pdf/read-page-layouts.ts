import type { PDFParse } from 'pdf-parse';
import { findGraphicMarks, type PdfOperatorList } from './find-graphic-marks.js';
import { groupTextLines, type PdfTextItem } from './group-text-lines.js';
import type { PageLayout } from './page-layout.js';

/** The text lines and drawn marks of each page of the parser's PDF, in reading order of the pages. */
export async function readPageLayouts(parser: PDFParse): Promise<PageLayout[]> {
  const document = await openPdfjsDocument(parser);
  const layouts: PageLayout[] = [];
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    const page = await document.getPage(pageNumber);
    try {
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is PdfTextItem => 'str' in item && 'transform' in item);
      const text = groupTextLines(items, viewport.transform, viewport.height);
      const marks = findGraphicMarks(await page.getOperatorList(), viewport.transform);
      layouts.push({
        pageNumber,
        width: viewport.width,
        height: viewport.height,
        lines: text.lines,
        marks: [...marks, ...text.rotated.map((box) => ({ kind: 'rotated-text' as const, box }))],
      });
    } finally {
      page.cleanup();
    }
  }
  return layouts;
}

// --- internal ---

/** The parts of pdf.js's document and page objects read here. */
interface PdfjsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfjsPage>;
}
interface PdfjsPage {
  getViewport(options: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: object[] }>;
  getOperatorList(): Promise<PdfOperatorList>;
  cleanup(): void;
}

// pdf-parse loads pdf.js's document but keeps it private and offers no page geometry; its own loader is reused so one pdf.js serves both.
async function openPdfjsDocument(parser: PDFParse): Promise<PdfjsDocument> {
  const loader = parser['load'] as () => Promise<PdfjsDocument>;
  return loader.call(parser);
}
