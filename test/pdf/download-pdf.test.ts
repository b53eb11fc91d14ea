import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArxivForbiddenError } from '../../src/arxiv/arxiv-forbidden-error.js';
import { ArxivRequestError } from '../../src/arxiv/arxiv-request-error.js';
import { createArxivQueue, type ArxivQueue } from '../../src/arxiv/create-arxiv-queue.js';
import { PaperError } from '../../src/errors/brief-error.js';
import { downloadPdf, PdfDownloadError } from '../../src/pdf/download-pdf.js';
import { makeFakePdf, startFakeArxiv, type FakeArxiv } from '../fakes/fake-arxiv-server.js';
import { FIXTURE_PDFS_DIR, hasFixtures } from '../helpers/fixtures.js';

const PDF = makeFakePdf('Sharp bounds', 'A fake paper for tests');
const LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 2_000 };

let arxiv: FakeArxiv;
let queue: ArxivQueue;

beforeEach(async () => {
  arxiv = await startFakeArxiv({ papers: [{ id: '2509.08721', version: 2, pdf: PDF }] });
  queue = createArxivQueue({ minIntervalMs: 0, maxRetryAfterMs: 1000, userAgent: 'arxiv-brief/test', maxRetries: 0 });
});

afterEach(async () => {
  await queue.close();
  await arxiv.close();
});

async function downloadFailure(
  id = '2509.08721',
  version = 2,
  limits: { maxBytes: number; timeoutMs: number } = LIMITS,
): Promise<PdfDownloadError> {
  const failure = await downloadPdf(queue, arxiv.pdfUrl, id, version, limits).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(PdfDownloadError);
  return failure as PdfDownloadError;
}

describe('downloadPdf', () => {
  it('downloads the asked version', async () => {
    const bytes = await downloadPdf(queue, arxiv.pdfUrl, '2509.08721', 1, LIMITS);

    expect(Buffer.from(bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(arxiv.requests.map((request) => request.path)).toEqual(['/pdf/2509.08721v1']);
  });

  it('downloads old-style IDs at their slash path', async () => {
    arxiv.addPaper({ id: 'hep-th/9108004', pdf: PDF });
    await downloadPdf(queue, arxiv.pdfUrl, 'hep-th/9108004', 1, LIMITS);
    expect(arxiv.requests[0]?.path).toBe('/pdf/hep-th/9108004v1');
  });

  it('is a download-stage paper error naming the paper and URL', async () => {
    const failure = await downloadFailure('2509.08721', 7);

    expect(failure).toBeInstanceOf(PaperError);
    expect(failure.stage).toBe('download');
    expect(failure.paperId).toBe('2509.08721');
    expect(failure.url).toBe(`${arxiv.pdfUrl}/2509.08721v7`);
    expect(failure.status).toBe(404);
    expect(failure.message).toBe(
      `2509.08721: download failed: HTTP 404 from ${arxiv.pdfUrl}/2509.08721v7 ` +
        '(check that version 7 of 2509.08721 exists at https://arxiv.org/abs/2509.08721)',
    );
  });

  it('refuses an HTML page served instead of the PDF', async () => {
    arxiv.failNext('/pdf/', {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html><body>PDF being generated, please wait</body></html>',
    });
    const failure = await downloadFailure();
    expect(failure.message).toBe(
      `2509.08721: arXiv answered an HTML page (text/html; charset=utf-8) instead of the PDF at ${arxiv.pdfUrl}/2509.08721v2; ` +
        'the PDF may still be being generated, try again later',
    );
  });

  it('refuses a body that is not a PDF', async () => {
    arxiv.failNext('/pdf/', { status: 200, headers: { 'content-type': 'application/pdf' }, body: 'Just some text, honestly.' });
    const failure = await downloadFailure();
    expect(failure.message).toBe(
      `2509.08721: the file at ${arxiv.pdfUrl}/2509.08721v2 is not a PDF (no %PDF- header; it starts with "Just some text, hone")`,
    );
  });

  it('refuses a PDF whose Content-Length is above the cap, without reading it', async () => {
    const failure = await downloadFailure('2509.08721', 2, { maxBytes: 100, timeoutMs: 2_000 });
    expect(failure.message).toBe(
      `2509.08721: the PDF at ${arxiv.pdfUrl}/2509.08721v2 is ${PDF.length} bytes, above the limit of 100 bytes (SUMMARIZE_PDF_MAX_BYTES)`,
    );
  });

  it('stops reading a streamed body once it passes the cap', async () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    big.set(Buffer.from('%PDF-1.4\n'));
    arxiv.failNext('/pdf/', { status: 200, headers: { 'content-type': 'application/pdf' }, body: big, omitContentLength: true });
    const failure = await downloadFailure('2509.08721', 2, { maxBytes: 64 * 1024, timeoutMs: 2_000 });

    expect(failure.message).toBe(
      `2509.08721: the PDF at ${arxiv.pdfUrl}/2509.08721v2 is larger than the limit of 65536 bytes; stopped reading it (SUMMARIZE_PDF_MAX_BYTES)`,
    );
    expect((failure.cause as ArxivRequestError).receivedBytes).toBeLessThan(big.length);
  });

  it('gives up on a download that takes too long', async () => {
    arxiv.failNext('/pdf/', { delayMs: 500 });
    const failure = await downloadFailure('2509.08721', 2, { maxBytes: LIMITS.maxBytes, timeoutMs: 100 });
    expect(failure.message).toBe(
      `2509.08721: download of ${arxiv.pdfUrl}/2509.08721v2 timed out after 100 ms (SUMMARIZE_PDF_TIMEOUT_MS); try again later`,
    );
  });

  it('gives up on a body that stalls past the time limit', async () => {
    arxiv.failNext('/pdf/', { stallBodyMs: 600 });
    const failure = await downloadFailure('2509.08721', 2, { maxBytes: LIMITS.maxBytes, timeoutMs: 150 });
    expect(failure.message).toContain(`download of ${arxiv.pdfUrl}/2509.08721v2 timed out after 150 ms`);
    expect((failure.cause as ArxivRequestError).receivedBytes).toBe(Math.floor(PDF.length / 2));
  });

  it('reports a body shorter than its Content-Length as a truncated download', async () => {
    arxiv.failNext('/pdf/', { truncate: true });
    const failure = await downloadFailure();
    expect(failure.message).toBe(
      `2509.08721: truncated download from ${arxiv.pdfUrl}/2509.08721v2: ` +
        `got ${Math.floor(PDF.length / 2)} of ${PDF.length} bytes before the connection closed; try again`,
    );
  });

  it('reports a streamed body cut off before its end as a truncated download, not as arXiv being unreachable', async () => {
    arxiv.addPaper({ id: '2509.00001', pdf: new Uint8Array(Buffer.concat([Buffer.from(PDF), Buffer.alloc(200_000, 32)])) });
    arxiv.failNext('/pdf/2509.00001', { truncate: true, omitContentLength: true });

    const failure = await downloadFailure('2509.00001', 1);

    expect(failure.message).toMatch(/^2509\.00001: truncated download from http:\/\/127\.0\.0\.1:\d+\/pdf\/2509\.00001v1: the connection closed after \d+ bytes; try again$/);
  });

  it('reports a server error that outlasted the retries', async () => {
    arxiv.failNext('/pdf/', { status: 500 });
    const failure = await downloadFailure();
    expect(failure.status).toBe(500);
    expect(failure.cause).toBeInstanceOf(ArxivRequestError);
    expect(failure.message).toContain(`arXiv answered HTTP 500 for ${arxiv.pdfUrl}/2509.08721v2`);
  });

  it('lets a 403 through untouched, since it must stop the run', async () => {
    arxiv.failNext('/pdf/', { status: 403 });
    await expect(downloadPdf(queue, arxiv.pdfUrl, '2509.08721', 2, LIMITS)).rejects.toBeInstanceOf(ArxivForbiddenError);
  });
});

describe.skipIf(!hasFixtures)('downloadPdf with real files', () => {
  it('downloads a real arXiv PDF byte for byte', async () => {
    const real = new Uint8Array(readFileSync(`${FIXTURE_PDFS_DIR}/hep-th_9108004.pdf`));
    arxiv.addPaper({ id: 'hep-th/9108004', pdf: real });
    const bytes = await downloadPdf(queue, arxiv.pdfUrl, 'hep-th/9108004', 1, { maxBytes: 50 * 1024 * 1024, timeoutMs: 5_000 });
    expect(Buffer.from(bytes).equals(Buffer.from(real))).toBe(true);
  });

  it('refuses the fake PDF that is plain text', async () => {
    arxiv.addPaper({ id: '2509.00002', pdf: new Uint8Array(readFileSync(`${FIXTURE_PDFS_DIR}/x_not_a_pdf_fake.pdf`)) });
    const failure = await downloadFailure('2509.00002', 1);
    expect(failure.message).toContain('is not a PDF (no %PDF- header');
  });
});
