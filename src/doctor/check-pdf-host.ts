import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { ENV_NAMES } from '../config/config-schema.js';
import { PROBE_PAPER } from './check-arxiv-api.js';
import type { CheckResult } from './check-result.js';
import { describeArxivFailure } from './describe-arxiv-failure.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';

const OK = 200;
const PDF_MAGIC = '%PDF-';

/** Fetches the start of a known PDF through the polite queue and stops reading after the first chunk. */
export async function checkPdfHost(queue: ArxivQueue, pdfBaseUrl: string, timeoutMs: number): Promise<CheckResult> {
  const base = { id: 'pdf-host', title: 'arXiv PDFs' };
  const url = `${pdfBaseUrl}/${formatArxivId(PROBE_PAPER)}`;
  const host = new URL(url).host;
  const setting = ENV_NAMES.arxivPdfUrl;
  try {
    const response = await queue.fetch(url, { timeoutMs });
    const contentType = response.headers['content-type'] ?? 'no content type';
    if (response.status !== OK) {
      await response.discard();
      return { ...base, status: 'failed', message: `${host} answered HTTP ${response.status} for ${url}`, fix: `check ${setting}` };
    }
    const start = await readFirstChunk(response.body);
    if (!/pdf/i.test(contentType) || !start.startsWith(PDF_MAGIC)) {
      return {
        ...base,
        status: 'failed',
        message: `${host} answered ${url} with ${contentType}, not a PDF`,
        fix: `a captive portal or proxy may be answering instead of arXiv; check the network or ${setting}`,
      };
    }
    return { ...base, status: 'ok', message: `${host} serves PDFs (${formatArxivId(PROBE_PAPER)}, ${contentType})` };
  } catch (error) {
    return { ...base, status: 'failed', ...describeArxivFailure(error, url, setting, timeoutMs) };
  }
}

// --- internal ---

// Breaking out of the loop destroys the body, so the doctor never downloads the whole paper.
async function readFirstChunk(body: AsyncIterable<Uint8Array>): Promise<string> {
  for await (const chunk of body) return Buffer.from(chunk).subarray(0, 16).toString('latin1');
  return '';
}
