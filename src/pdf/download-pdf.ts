import { ArxivRequestError } from '../arxiv/arxiv-request-error.js';
import type { ArxivQueue, ArxivResponse } from '../arxiv/create-arxiv-queue.js';
import { ENV_NAMES } from '../config/config-schema.js';
import { PaperError } from '../errors/brief-error.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';

/** The PDF of one paper could not be downloaded; `url` is the address we tried. */
export class PdfDownloadError extends PaperError {
  readonly status: number | undefined;

  constructor(
    paperId: string,
    readonly url: string,
    message: string,
    options: { cause?: unknown; status?: number } = {},
  ) {
    super(paperId, 'download', message, { cause: options.cause });
    this.status = options.status;
  }
}

export type DownloadPdfOptions = {
  /** Larger PDFs are refused without reading them whole. */
  maxBytes: number;
  /** Time limit of one attempt, body included. */
  timeoutMs: number;
};

const OK = 200;
const NOT_FOUND = 404;
const PDF_MAGIC = '%PDF-';
// the PDF spec lets a header appear anywhere in the first kilobyte
const MAGIC_SEARCH_BYTES = 1024;

/**
 * Downloads `${pdfBaseUrl}/<id>v<version>` through the polite queue and checks it is a whole PDF.
 * `ArxivForbiddenError` passes through untouched: it must stop the run, not just this paper.
 */
export async function downloadPdf(
  queue: ArxivQueue,
  pdfBaseUrl: string,
  id: string,
  version: number,
  { maxBytes, timeoutMs }: DownloadPdfOptions,
): Promise<Uint8Array> {
  const url = `${pdfBaseUrl}/${formatArxivId({ id, version })}`;
  const fail = (message: string, options?: { cause?: unknown; status?: number }) =>
    new PdfDownloadError(id, url, message, options);

  let response: ArxivResponse;
  try {
    response = await queue.fetch(url, { timeoutMs, accept: 'application/pdf, */*;q=0.1' });
  } catch (error) {
    if (error instanceof ArxivRequestError) throw fail(describeRequestFailure(error, url, timeoutMs), { cause: error, status: error.status });
    throw error;
  }

  const { status } = response;
  if (status !== OK) {
    await response.discard();
    const hint = status === NOT_FOUND ? ` (check that version ${version} of ${id} exists at https://arxiv.org/abs/${id})` : '';
    throw fail(`download failed: HTTP ${status} from ${url}${hint}`, { status });
  }
  const contentType = response.headers['content-type'] ?? '';
  if (/html/i.test(contentType)) {
    await response.discard();
    throw fail(
      `arXiv answered an HTML page (${contentType}) instead of the PDF at ${url}; ` +
        'the PDF may still be being generated, try again later',
      { status },
    );
  }
  const declaredLength = Number(response.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    await response.discard();
    throw fail(`the PDF at ${url} is ${formatSize(declaredLength)}, above the limit of ${formatSize(maxBytes)} (${ENV_NAMES.pdfMaxBytes})`, {
      status,
    });
  }

  let bytes: Uint8Array;
  try {
    bytes = await response.readBytes({ maxBytes });
  } catch (error) {
    if (error instanceof ArxivRequestError) throw fail(describeRequestFailure(error, url, timeoutMs, maxBytes), { cause: error, status });
    throw error;
  }
  if (!hasPdfMagic(bytes)) {
    throw fail(`the file at ${url} is not a PDF (no ${PDF_MAGIC} header; it starts with ${JSON.stringify(preview(bytes))})`, { status });
  }
  return bytes;
}

// --- internal ---

function describeRequestFailure(error: ArxivRequestError, url: string, timeoutMs: number, maxBytes?: number): string {
  switch (error.reason) {
    case 'timeout':
      return `download of ${url} timed out after ${timeoutMs} ms (${ENV_NAMES.pdfTimeoutMs}); try again later`;
    case 'too-large':
      return `the PDF at ${url} is larger than the limit of ${formatSize(maxBytes ?? 0)}; stopped reading it (${ENV_NAMES.pdfMaxBytes})`;
    case 'truncated':
      return `${error.message}; try again`;
    default:
      return `download of ${url} failed: ${error.message}`;
  }
}

function hasPdfMagic(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAGIC_SEARCH_BYTES)).includes(PDF_MAGIC, 0, 'latin1');
}

function preview(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 20)).toString('latin1');
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
