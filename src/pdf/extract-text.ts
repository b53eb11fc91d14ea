import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PdfExtractError } from './pdf-extract-error.js';
import { formatDuration } from '../format/format-duration.js';
import { formatCount } from '../format/format-count.js';

/** The raw text of a PDF, one string per page, as pdf-parse gives it (clean it with cleanPaperText). */
export interface ExtractedPdf {
  pages: string[];
  pageCount: number;
}

export interface PdfExtractorOptions {
  /** Worker threads kept alive with pdf.js loaded. Default: DEFAULT_POOL_SIZE. */
  poolSize?: number;
  /** Per PDF; the worker is terminated when it runs out. Default: 60 000. */
  timeoutMs?: number;
  /** V8 old-generation heap limit of each worker. Default: 512. */
  maxMemoryMb?: number;
}

export interface ExtractOptions {
  signal?: AbortSignal;
  /** Overrides the extractor's timeoutMs for this PDF. */
  timeoutMs?: number;
  /** Fewer letters than this in the whole PDF fails with 'no-text'. Default: 200. */
  minLetters?: number;
  /** Hands the bytes to the worker instead of a copy, leaving the caller's array empty: one PDF less in memory. Default: false. */
  transferBytes?: boolean;
}

export interface PdfExtractor {
  /** How many PDFs it extracts at once. */
  readonly poolSize: number;
  extract(bytes: Uint8Array, options?: ExtractOptions): Promise<ExtractedPdf>;
  /** Ends the workers with nothing to do, giving back their memory; an extraction after it starts a worker again. */
  endIdleWorkers(): Promise<void>;
  /** Terminates the workers; pending extractions fail. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_MEMORY_MB = 512;
/** Fewer letters than this in the whole PDF means there is no text layer worth summarizing. */
const MIN_LETTERS = 200;
/** A real paper page holds thousands of letters; a scanned one with a stamp or a caption, a few dozen. */
const MIN_LETTERS_PER_PAGE = 100;
/** Readers accept `%%EOF` anywhere in the last 1024 bytes (PDF 1.7 implementation note 18). */
const EOF_WINDOW_BYTES = 1024;

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);

/**
 * 1 below 4 cores: each worker pays pdf.js's JIT warm-up (about a second of CPU), and on 2 shared
 * cores two cold workers finished a folder of papers slower than one.
 */
export const DEFAULT_POOL_SIZE = availableParallelism() >= 4 ? 2 : 1;

/** A pool of pdf.js workers, so pdf.js loads once per worker rather than once per PDF. */
export function createPdfExtractor(options: PdfExtractorOptions = {}): PdfExtractor {
  const poolSize = Math.max(1, options.poolSize ?? DEFAULT_POOL_SIZE);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const workers = new Set<PoolWorker>();
  const idle: PoolWorker[] = [];
  const queue: Job[] = [];
  let nextJobId = 1;
  let closed = false;

  function startWorker(): PoolWorker {
    const thread = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
      // Captured so pdf.js chatter never reaches the user's stdout; stderr kept for crash reports.
      stdout: true,
      stderr: true,
    });
    const poolWorker: PoolWorker = { thread, job: undefined, stderrTail: '' };
    workers.add(poolWorker);
    thread.stdout.resume();
    thread.stderr.on('data', (chunk: Buffer) => {
      poolWorker.stderrTail = (poolWorker.stderrTail + chunk.toString()).slice(-2000);
    });
    thread.on('message', (reply: WorkerReply) => {
      const job = poolWorker.job;
      if (!job || job.id !== reply.id) return;
      finish(poolWorker);
      idle.push(poolWorker);
      // An idle worker must not keep the process alive if the caller forgets close().
      thread.unref();
      if (reply.ok) job.resolve({ pages: reply.pages, pageCount: reply.pageCount });
      else job.reject(classifyFailure(reply.error, job.endsWithEof));
      pump();
    });
    thread.on('error', (error: Error & { code?: string }) => {
      retire(poolWorker)?.reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new PdfExtractError(
              'memory',
              `the PDF needs more than ${maxMemoryMb} MB to extract (the worker ran out of memory); raise the memory limit or summarize another version`,
              { cause: error },
            )
          : new PdfExtractError('crash', `the PDF extraction worker crashed: ${error.message}`, { cause: error }),
      );
    });
    thread.on('exit', (code) => {
      const detail = poolWorker.stderrTail.trim();
      retire(poolWorker)?.reject(
        new PdfExtractError('crash', `the PDF extraction worker exited with code ${code}${detail ? `: ${detail}` : ''}`),
      );
    });
    return poolWorker;
  }

  /** Detaches the worker's job (timer, abort listener) and returns it. */
  function finish(poolWorker: PoolWorker): Job | undefined {
    const job = poolWorker.job;
    if (!job) return undefined;
    clearTimeout(job.timer);
    job.signal?.removeEventListener('abort', job.onAbort);
    poolWorker.job = undefined;
    return job;
  }

  /** Drops a worker that crashed, timed out or was aborted; a fresh one starts for the next job. */
  function retire(poolWorker: PoolWorker): Job | undefined {
    if (!workers.delete(poolWorker)) return undefined;
    const index = idle.indexOf(poolWorker);
    if (index !== -1) idle.splice(index, 1);
    const job = finish(poolWorker);
    void poolWorker.thread.terminate();
    pump();
    return job;
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      const poolWorker = idle.pop() ?? (workers.size < poolSize ? startWorker() : undefined);
      if (!poolWorker) return;
      run(poolWorker, queue.shift()!);
    }
  }

  function run(poolWorker: PoolWorker, job: Job): void {
    poolWorker.job = job;
    job.worker = poolWorker;
    poolWorker.thread.ref();
    job.timer = setTimeout(() => {
      retire(poolWorker)?.reject(
        new PdfExtractError(
          'timeout',
          `extraction timed out after ${formatDuration(job.timeoutMs, { style: 'spaced' })}; the PDF may be huge or hostile: raise the timeout or summarize another version`,
        ),
      );
    }, job.timeoutMs);
    // A copy is transferred so the caller's bytes stay usable (Buffer#slice would share, and detach, them), unless they are given up.
    const bytes = job.transfer && ownsItsBuffer(job.bytes) ? job.bytes : new Uint8Array(job.bytes);
    poolWorker.thread.postMessage({ id: job.id, bytes }, [bytes.buffer]);
  }

  async function extract(bytes: Uint8Array, extractOptions: ExtractOptions = {}): Promise<ExtractedPdf> {
    const { signal } = extractOptions;
    signal?.throwIfAborted();
    if (closed) throw new Error('the PDF extractor is closed');
    checkEnvelope(bytes);
    const extracted = await new Promise<ExtractedPdf>((resolve, reject) => {
      const job: Job = {
        id: nextJobId++,
        bytes,
        transfer: extractOptions.transferBytes ?? false,
        endsWithEof: hasEofMarker(bytes),
        timeoutMs: extractOptions.timeoutMs ?? timeoutMs,
        resolve,
        reject,
        signal,
        timer: undefined,
        worker: undefined,
        onAbort: () => {
          const queued = queue.indexOf(job);
          if (queued !== -1) queue.splice(queued, 1);
          else if (job.worker?.job === job) retire(job.worker);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      queue.push(job);
      pump();
    });
    checkHasText(extracted, extractOptions.minLetters ?? MIN_LETTERS);
    return extracted;
  }

  async function endIdleWorkers(): Promise<void> {
    const ending = idle.splice(0);
    for (const poolWorker of ending) workers.delete(poolWorker);
    await Promise.all(ending.map((poolWorker) => poolWorker.thread.terminate()));
  }

  async function close(): Promise<void> {
    closed = true;
    const closedError = () => new Error('the PDF extractor was closed');
    for (const job of queue.splice(0)) job.reject(closedError());
    const all = [...workers];
    workers.clear();
    idle.length = 0;
    for (const poolWorker of all) finish(poolWorker)?.reject(closedError());
    await Promise.all(all.map((poolWorker) => poolWorker.thread.terminate()));
  }

  return { poolSize, extract, endIdleWorkers, close };
}

/** One PDF with a one-off worker; use createPdfExtractor for many PDFs. */
export async function extractPdfText(
  bytes: Uint8Array,
  options: Omit<PdfExtractorOptions, 'poolSize'> & ExtractOptions = {},
): Promise<ExtractedPdf> {
  const extractor = createPdfExtractor({ ...options, poolSize: 1 });
  try {
    return await extractor.extract(bytes, options);
  } finally {
    await extractor.close();
  }
}

// --- internal ---

interface PoolWorker {
  thread: Worker;
  job: Job | undefined;
  stderrTail: string;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  transfer: boolean;
  /** Taken before the bytes may be handed over: failures are told apart by it. */
  endsWithEof: boolean;
  timeoutMs: number;
  resolve(extracted: ExtractedPdf): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  timer: NodeJS.Timeout | undefined;
  worker: PoolWorker | undefined;
  onAbort(): void;
}

type WorkerReply =
  | { id: number; ok: true; pages: string[]; pageCount: number }
  | { id: number; ok: false; error: { name: string; message: string } };

/** Cheap checks before pdf.js: the header and the end-of-file marker. */
function checkEnvelope(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const preview = JSON.stringify(head.slice(0, 40));
    throw new PdfExtractError(
      'not-pdf',
      `not a PDF (no %PDF- header; it starts with ${preview}); the server may have sent an HTML or error page instead`,
    );
  }
  if (!hasEofMarker(bytes)) {
    throw new PdfExtractError(
      'truncated',
      `the PDF is truncated (${bytes.byteLength} bytes, no %%EOF at the end); download it again`,
    );
  }
}

function hasEofMarker(bytes: Uint8Array): boolean {
  const start = Math.max(0, bytes.byteLength - EOF_WINDOW_BYTES);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('latin1');
  return tail.includes('%%EOF');
}

// Bytes that are all of a plain ArrayBuffer can be handed over; a view into a larger or shared one is copied.
function ownsItsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

function classifyFailure(error: { name: string; message: string }, endsWithEof: boolean): PdfExtractError {
  const cause = Object.assign(new Error(error.message), { name: error.name });
  if (error.name === 'PasswordException') {
    return new PdfExtractError(
      'encrypted',
      'the PDF is encrypted (password-protected); arXiv PDFs never are: download it again or summarize another version',
      { cause },
    );
  }
  const xrefProblem = /xref|startxref|trailer/i.test(error.message);
  if (xrefProblem && !endsWithEof) {
    return new PdfExtractError('truncated', `the PDF is truncated (${error.message}); download it again`, { cause });
  }
  return new PdfExtractError(
    'malformed',
    `the PDF is malformed (${error.name}: ${error.message}); download it again or summarize another version`,
    { cause },
  );
}

function checkHasText(extracted: ExtractedPdf, minLetters: number): void {
  let letters = 0;
  for (const page of extracted.pages) letters += page.replace(/\P{L}+/gu, '').length;
  const perPage = letters / Math.max(1, extracted.pageCount);
  if (letters < minLetters || perPage < Math.min(MIN_LETTERS_PER_PAGE, minLetters)) {
    throw new PdfExtractError(
      'no-text',
      `no extractable text (scanned PDF?): ${formatCount(letters, 'letter')} on ${formatCount(extracted.pageCount, 'page')}; summarize a version with a text layer`,
    );
  }
}

