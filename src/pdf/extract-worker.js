// @ts-check
// Runs pdf-parse (pdf.js) inside a worker thread so a hostile or huge PDF can be stopped
// (terminate on timeout, resourceLimits on memory) without taking the main process down.
// Plain JavaScript so the same file serves vitest (src/) and the built CLI (dist/).
import { parentPort } from 'node:worker_threads';

// pdf.js's legacy build (what pdf-parse loads) and its fake worker each install core-js's JavaScript
// Array.prototype.push (about 15% of extraction time in a profile); load both, then put the native push back.
const nativePush = Array.prototype.push;
const { PDFParse } = await import('pdf-parse');
await warmUp();

/**
 * @typedef {{ id: number, bytes: Uint8Array }} ExtractRequest
 * @typedef {{ id: number, ok: true, pages: string[], pageCount: number }} ExtractSuccess
 * @typedef {{ id: number, ok: false, error: { name: string, message: string } }} ExtractFailure
 */

if (!parentPort) throw new Error('extract-worker.js must run in a worker thread');
const port = parentPort;

port.on('message', (/** @type {ExtractRequest} */ request) => {
  void extract(request).then((reply) => port.postMessage(reply));
});

/**
 * @param {ExtractRequest} request
 * @returns {Promise<ExtractSuccess | ExtractFailure>}
 */
async function extract({ id, bytes }) {
  // verbosity 0: pdf.js warnings would otherwise land on the user's stdout.
  const parser = new PDFParse({ data: bytes, isEvalSupported: false, verbosity: 0 });
  try {
    const text = await parser.getText({ pageJoiner: '' });
    return {
      id,
      ok: true,
      pages: text.pages.map((page) => page.text),
      pageCount: text.total,
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { id, ok: false, error: { name, message } };
  } finally {
    await parser.destroy().catch(() => {});
  }
}

/** Parses a one-page empty PDF so pdf.js loads its fake worker (and its polyfills) now, not mid-extraction. */
async function warmUp() {
  const parser = new PDFParse({ data: makeEmptyPdf(), isEvalSupported: false, verbosity: 0 });
  try {
    await parser.getText({ pageJoiner: '' });
  } catch {
    // A failed warm-up only costs speed; real extractions report their own errors.
  } finally {
    await parser.destroy().catch(() => {});
    // eslint-disable-next-line no-extend-native -- restores the original, see the top of the file
    Array.prototype.push = nativePush;
  }
}

/** @returns {Uint8Array} */
function makeEmptyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>',
  ];
  let body = '%PDF-1.4\n';
  /** @type {number[]} */
  const offsets = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
