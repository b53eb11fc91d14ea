import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How the fake finishes a batch; the default answers every line. */
export interface FakeBatchOutcome {
  /** Answers the first N lines only; the rest end as `batch_expired` in the error file and the batch as `expired`. */
  expireAfter?: number;
  /** The last N lines fail with HTTP 500 (in the error file); the batch is still `completed`. */
  failLines?: number;
}

/** A batch as the fake holds it. */
export interface FakeBatch {
  id: string;
  inputFileId: string;
  status: 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';
  /** The input file's lines, parsed. */
  lines: Array<{ custom_id: string; method: string; url: string; body: any }>;
  metadata: Record<string, string> | null;
  outputFileId?: string;
  errorFileId?: string;
  errors?: Array<{ code: string; message: string; line: number | null }>;
  requestCounts: { total: number; completed: number; failed: number };
  createdAt: number;
}

/**
 * `immediate`: a batch is done by the time anyone asks (its outcome from `enqueueOutcome`, else all answered);
 * `on-command`: it stays `in_progress` until `complete`; `absent`: `/v1/batches` answers 404, as a server without the Batch API.
 */
export type FakeBatchMode = 'immediate' | 'on-command' | 'absent';

/** The answer the fake's chat endpoint would give to one request line: status and JSON body. */
export type AnswerLine = (body: any, batchId: string) => Promise<{ status: number; body: unknown }>;

export interface FakeBatchApi {
  batches: FakeBatch[];
  /** Cancel requests received, by batch id. */
  cancelled: string[];
  setMode(mode: FakeBatchMode): void;
  /** The outcome of the next batch finished in `immediate` mode, first in first out. */
  enqueueOutcome(outcome: FakeBatchOutcome): void;
  /** Finishes a batch that is in progress (`on-command` mode). */
  complete(batchId: string, outcome?: FakeBatchOutcome): Promise<void>;
  /** In `on-command` mode, each new batch answers its first `count` lines as it arrives and holds the rest; a cancel keeps those in its output file. */
  answerOnArrival(count: number): void;
  /** The next `count` requests to `/v1/files…` or `/v1/batches…` answer 503 with `retry-after-ms: 0`, as an overloaded server does. */
  failNextRequests(count: number): void;
  /** How many requests were answered 503 by `failNextRequests`. */
  readonly failedRequests: number;
  /** Resolves once `count` batches have been created. */
  waitForBatches(count: number): Promise<FakeBatch[]>;
  /** Answers `/v1/files…` and `/v1/batches…`; false for any other path. */
  handle(incoming: IncomingMessage, outgoing: ServerResponse, path: string): Promise<boolean>;
}

/** OpenAI's Files and Batches API as documented: JSONL upload (purpose `batch`), batch lifecycle, output and error files, list and cancel. */
export function createFakeBatchApi(answerLine: AnswerLine): FakeBatchApi {
  const files = new Map<string, { id: string; filename: string; purpose: string; content: string; createdAt: number }>();
  const batches: FakeBatch[] = [];
  const cancelled: string[] = [];
  const outcomes: FakeBatchOutcome[] = [];
  const waiters: Array<{ count: number; resolve: (batches: FakeBatch[]) => void }> = [];
  let mode: FakeBatchMode = 'immediate';
  let answeredOnArrival = 0;
  let toFail = 0;
  let failedRequests = 0;
  // The lines a batch in progress has answered so far, by batch id: a cancelled batch's output file holds them.
  const partial = new Map<string, string[]>();

  const addFile = (filename: string, purpose: string, content: string) => {
    const file = { id: `file-${randomBytes(8).toString('hex')}`, filename, purpose, content, createdAt: Math.floor(Date.now() / 1000) };
    files.set(file.id, file);
    return file;
  };

  const complete = async (batchId: string, outcome: FakeBatchOutcome = {}) => {
    const batch = batches.find((candidate) => candidate.id === batchId);
    if (!batch) throw new Error(`no batch ${batchId} on the fake`);
    if (batch.status !== 'in_progress' && batch.status !== 'validating') throw new Error(`batch ${batchId} is ${batch.status}, not in progress`);
    const output: string[] = [];
    const errors: string[] = [];
    for (const [index, line] of batch.lines.entries()) {
      const requestId = `req_batch_${randomBytes(6).toString('hex')}`;
      if (outcome.expireAfter !== undefined && index >= outcome.expireAfter) {
        errors.push(JSON.stringify({ id: `batch_req_${index}`, custom_id: line.custom_id, response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }));
        continue;
      }
      if (outcome.failLines !== undefined && index >= batch.lines.length - outcome.failLines) {
        errors.push(JSON.stringify({ id: `batch_req_${index}`, custom_id: line.custom_id, response: { status_code: 500, request_id: requestId, body: { error: { message: 'The server had an error processing your request.', type: 'server_error' } } }, error: null }));
        continue;
      }
      const answer = await answerLine(line.body, batch.id);
      (answer.status === 200 ? output : errors).push(JSON.stringify({ id: `batch_req_${index}`, custom_id: line.custom_id, response: { status_code: answer.status, request_id: requestId, body: answer.body }, error: null }));
    }
    if (output.length > 0) batch.outputFileId = addFile(`batch_${batch.id}_output.jsonl`, 'batch_output', `${output.join('\n')}\n`).id;
    if (errors.length > 0) batch.errorFileId = addFile(`batch_${batch.id}_error.jsonl`, 'batch_output', `${errors.join('\n')}\n`).id;
    batch.requestCounts = { total: batch.lines.length, completed: output.length, failed: errors.length };
    batch.status = outcome.expireAfter === undefined ? 'completed' : 'expired';
  };

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse, path: string): Promise<boolean> => {
    const method = incoming.method ?? 'GET';
    if (toFail > 0 && (path.startsWith('/v1/files') || path.startsWith('/v1/batches'))) {
      toFail -= 1;
      failedRequests += 1;
      await readRaw(incoming);
      outgoing.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '0' }).end(JSON.stringify({ error: { message: 'The server is overloaded.', type: 'server_error', param: null, code: null } }));
      return true;
    }
    if (path === '/v1/files' && method === 'POST') {
      const form = await new Request('http://fake/v1/files', { method: 'POST', headers: { 'content-type': incoming.headers['content-type'] ?? '' }, body: await readRaw(incoming) }).formData();
      const file = form.get('file');
      const purpose = form.get('purpose');
      if (!(file instanceof File) || typeof purpose !== 'string') return sendError(outgoing, 400, "a multipart body with 'file' and 'purpose' is required");
      if (!['batch', 'assistants', 'fine-tune', 'vision', 'user_data', 'evals'].includes(purpose)) return sendError(outgoing, 400, `'${purpose}' is not a valid purpose`);
      const stored = addFile(file.name, purpose, await file.text());
      return sendJson(outgoing, 200, describeFile(stored));
    }
    const fileMatch = /^\/v1\/files\/([^/]+)(\/content)?$/.exec(path);
    if (fileMatch && method === 'GET') {
      const file = files.get(fileMatch[1]!);
      if (!file) return sendError(outgoing, 404, `No such File object: ${fileMatch[1]}`);
      if (!fileMatch[2]) return sendJson(outgoing, 200, describeFile(file));
      outgoing.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.content);
      return true;
    }
    if (!path.startsWith('/v1/batches')) return false;
    if (mode === 'absent') return sendError(outgoing, 404, `Invalid URL (${method} ${path})`);
    if (path === '/v1/batches' && method === 'POST') {
      const body = JSON.parse(await readRaw(incoming).then((buffer) => buffer.toString('utf8')));
      const file = files.get(body.input_file_id);
      if (!file) return sendError(outgoing, 400, `No such File object: ${body.input_file_id}`);
      if (file.purpose !== 'batch') return sendError(outgoing, 400, `File ${file.id} has purpose '${file.purpose}', not 'batch'`);
      if (body.completion_window !== '24h') return sendError(outgoing, 400, "completion_window must be '24h'");
      if (!['/v1/chat/completions', '/v1/responses', '/v1/embeddings', '/v1/completions'].includes(body.endpoint)) return sendError(outgoing, 400, `unsupported endpoint ${body.endpoint}`);
      const lines = file.content.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
      const batch: FakeBatch = { id: `batch_${randomBytes(8).toString('hex')}`, inputFileId: file.id, status: 'validating', lines, metadata: body.metadata ?? null, requestCounts: { total: lines.length, completed: 0, failed: 0 }, createdAt: Math.floor(Date.now() / 1000) };
      const problems = validateLines(lines, body.endpoint);
      batches.push(batch);
      const created = describeBatch(batch);
      if (problems.length > 0) {
        batch.status = 'failed';
        batch.errors = problems;
      } else if (mode === 'immediate') {
        await complete(batch.id, outcomes.shift());
      } else {
        batch.status = 'in_progress';
        const answered: string[] = [];
        for (const [index, line] of batch.lines.slice(0, answeredOnArrival).entries()) {
          const answer = await answerLine(line.body, batch.id);
          answered.push(JSON.stringify({ id: `batch_req_${index}`, custom_id: line.custom_id, response: { status_code: answer.status, request_id: `req_batch_${randomBytes(6).toString('hex')}`, body: answer.body }, error: null }));
        }
        partial.set(batch.id, answered);
        batch.requestCounts = { ...batch.requestCounts, completed: answered.length };
      }
      for (const waiter of waiters.filter((candidate) => batches.length >= candidate.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...batches]);
      }
      return sendJson(outgoing, 200, created);
    }
    if (path === '/v1/batches' && method === 'GET') {
      const data = [...batches].reverse().map(describeBatch);
      return sendJson(outgoing, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
    }
    const batchMatch = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
    const batch = batches.find((candidate) => candidate.id === batchMatch?.[1]);
    if (!batchMatch || !batch) return sendError(outgoing, 404, `No batch found with id '${batchMatch?.[1] ?? ''}'`);
    if (batchMatch[2] && method === 'POST') {
      cancelled.push(batch.id);
      if (batch.status === 'in_progress' || batch.status === 'validating') {
        batch.status = 'cancelled';
        // As OpenAI does: the lines finished before the cancel are in the output file, billed.
        const answered = partial.get(batch.id) ?? [];
        if (answered.length > 0) batch.outputFileId = addFile(`batch_${batch.id}_output.jsonl`, 'batch_output', `${answered.join('\n')}\n`).id;
      }
      return sendJson(outgoing, 200, { ...describeBatch(batch), status: batch.status === 'cancelled' ? 'cancelling' : batch.status });
    }
    if (!batchMatch[2] && method === 'GET') return sendJson(outgoing, 200, describeBatch(batch));
    return sendError(outgoing, 404, `Invalid URL (${method} ${path})`);
  };

  return {
    batches,
    cancelled,
    setMode: (next) => {
      mode = next;
    },
    enqueueOutcome: (outcome) => {
      outcomes.push(outcome);
    },
    complete,
    answerOnArrival: (count) => {
      answeredOnArrival = count;
    },
    failNextRequests: (count) => {
      toFail = count;
    },
    get failedRequests() {
      return failedRequests;
    },
    waitForBatches: (count) => (batches.length >= count ? Promise.resolve([...batches]) : new Promise((resolve) => waiters.push({ count, resolve }))),
    handle,
  };
}

// --- internal ---

function validateLines(lines: FakeBatch['lines'], endpoint: string): NonNullable<FakeBatch['errors']> {
  const problems: NonNullable<FakeBatch['errors']> = [];
  if (lines.length > 50_000) problems.push({ code: 'too_many_requests', message: `${lines.length} requests; at most 50,000 a batch`, line: null });
  const models = new Set(lines.map((line) => line.body?.model));
  if (models.size > 1) problems.push({ code: 'mismatched_model', message: `the file uses ${models.size} models; one model a batch`, line: null });
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (line.url !== endpoint) problems.push({ code: 'invalid_url', message: `url ${line.url} is not the batch's endpoint ${endpoint}`, line: index + 1 });
    if (line.method !== 'POST') problems.push({ code: 'invalid_method', message: 'method must be POST', line: index + 1 });
    if (typeof line.custom_id !== 'string' || seen.has(line.custom_id)) problems.push({ code: 'duplicate_custom_id', message: `custom_id ${line.custom_id} is missing or not unique`, line: index + 1 });
    seen.add(line.custom_id);
  }
  return problems;
}

function describeBatch(batch: FakeBatch) {
  return {
    id: batch.id,
    object: 'batch',
    endpoint: '/v1/chat/completions',
    errors: batch.errors ? { object: 'list', data: batch.errors } : null,
    input_file_id: batch.inputFileId,
    completion_window: '24h',
    status: batch.status,
    output_file_id: batch.outputFileId ?? null,
    error_file_id: batch.errorFileId ?? null,
    created_at: batch.createdAt,
    request_counts: batch.requestCounts,
    metadata: batch.metadata,
  };
}

function describeFile(file: { id: string; filename: string; purpose: string; content: string; createdAt: number }) {
  return { id: file.id, object: 'file', bytes: Buffer.byteLength(file.content), created_at: file.createdAt, filename: file.filename, purpose: file.purpose, status: 'processed' };
}

async function readRaw(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(outgoing: ServerResponse, status: number, body: unknown): true {
  outgoing.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return true;
}

function sendError(outgoing: ServerResponse, status: number, message: string): true {
  return sendJson(outgoing, status, { error: { message, type: 'invalid_request_error', param: null, code: null } });
}
