import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { Batch } from 'openai/resources/batches';
import type { BatchAnswer, BatchAnswerOptions, CompletionBatchBranch } from '../llm/completion-batch.js';
import { describeLlmFailure } from '../llm/describe-llm-failure.js';
import { LlmError } from '../llm/llm-error.js';
import { type BatchJournal, type BatchRecord, createBatchJournal } from './batch-journal.js';
import { type BatchResult, readBatchResults } from './read-batch-results.js';
import { splitBatchLines } from './split-batch-lines.js';
import { BATCH_ENDPOINT, submitBatch } from './submit-batch.js';
import { callBatchApi } from './call-batch-api.js';
import { isBatchFinished, waitForBatch } from './wait-for-batch.js';
import { createAtOnceLane } from './create-at-once-lane.js';
import { type BatchDeadline, findLatestStart } from './find-latest-start.js';

export interface BatchQueueOptions {
  client: OpenAI;
  /** The journal of submissions lives in `<cacheDir>/batches/`. */
  cacheDir: string;
  /** Told each batch's state and counts as they change. */
  log: (line: string) => void;
  /** Aborted: the batches in flight are cancelled on the server and every waiting call fails. */
  signal: AbortSignal;
  /** Between polls; default: the real clock. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  /** New batches for a request whose batch expired or failed it in passing, before it fails; default 3. */
  maxResubmissions?: number;
  /** Lines and bytes per input file; default OpenAI's (50,000 lines, 200 MB). */
  limits?: { maxLines: number; maxBytes: number };
  /** Repairs and grounding rounds: in the next batch (default), or sent at once at the list price. */
  followUps?: 'next-batch' | 'at-once';
  /** Past its latest start the batch is cancelled, its answers kept and the rest sent at once; default: none, the batch is waited for. */
  deadline?: BatchDeadline | undefined;
  /** Calls sent at once side by side (follow-ups, a deadline's fallback); default 4. */
  concurrency?: number;
  /** Milliseconds since the epoch; default: the real clock. */
  now?: () => number;
  /** Only the batches an earlier attempt recorded are collected (waited for as the deadline allows); every other call goes at once; default false. */
  onlyRecorded?: boolean;
}

/** One paper's calls: answered through the queue's batches; `leave` when the paper asks nothing more. */
export type BatchParticipant = CompletionBatchBranch;

export interface BatchQueue {
  /** A paper (named in its requests' `custom_id`) that will ask for completions. */
  join(label: string): BatchParticipant;
  /** Forgets the records of batches that finished in this run: their answers are used. */
  close(): Promise<void>;
  /** The deadline took over from a batch: every call left was sent at once. */
  readonly fellBack: boolean;
}

/**
 * Collects the calls of every paper of a run and sends them as one batch once each paper still working is waiting
 * for an answer; the answers go back to each call, whose repairs and next styles then make the next batch.
 * A rerun finds its recorded batches and takes their answers instead of paying for them again.
 */
export function createBatchQueue(options: BatchQueueOptions): BatchQueue {
  const { client, log, signal, maxResubmissions = 3, followUps = 'next-batch', deadline, now = Date.now, onlyRecorded = false } = options;
  const sleep = options.sleep ?? ((milliseconds, sleepSignal) => delay(milliseconds, undefined, sleepSignal ? { signal: sleepSignal } : undefined));
  const atOnce = createAtOnceLane(options.concurrency ?? 4, now);
  // Once a batch is given up for the deadline, every call left goes at once.
  let fellBack = false;
  const journal = createBatchJournal(options.cacheDir, log);
  // The requests of the batches an earlier attempt submitted, read once: with `onlyRecorded`, the only ones not sent at once.
  let recordedIds: Promise<Set<string>> | undefined;
  const isRecorded = async (customId: string) => (await (recordedIds ??= journal.list().then((records) => new Set(records.filter((record) => record.batchId !== undefined).flatMap((record) => record.customIds))))).has(customId);
  const participants = new Set<Participant>();
  const pending = new Map<string, PendingRequest>();
  const inFlight = new Map<string, PendingRequest>();
  const finishedKeys = new Set<string>();
  let roundRunning = false;

  const scheduleFlush = () => setImmediate(() => void flushWhenAllWait());

  // Everyone still working waits for an answer: nothing more will join this round.
  const flushWhenAllWait = async () => {
    if (roundRunning || pending.size === 0) return;
    // A paper whose brief and styles are under way waits through them: only its branches ask.
    if ([...participants].some((participant) => participant.outstanding === 0 && participant.branches === 0)) return;
    roundRunning = true;
    const round = new Map(pending);
    pending.clear();
    for (const [customId, request] of round) inFlight.set(customId, request);
    try {
      await runRound(round);
    } catch (error) {
      for (const request of round.values()) request.reject(error);
    } finally {
      for (const customId of round.keys()) inFlight.delete(customId);
      roundRunning = false;
      scheduleFlush();
    }
  };

  const runRound = async (round: Map<string, PendingRequest>) => {
    // Batches recorded by an earlier, killed or interrupted run come first: their requests are paid for.
    // Collecting only, a record that never became a batch is not submitted now: its calls went at once.
    const recorded = (await journal.list()).filter((record) => !finishedKeys.has(record.key) && (!onlyRecorded || record.batchId !== undefined) && record.customIds.some((customId) => round.has(customId)));
    const submissions: BatchRecord[] = [];
    const resumed = new Set(recorded.flatMap((record) => record.customIds));
    const fresh = [...round.entries()].filter(([customId]) => !resumed.has(customId));
    // One model per input file, as the Batch API requires.
    for (const model of new Set(fresh.map(([, request]) => request.body.model))) {
      const lines = fresh.filter(([, request]) => request.body.model === model).map(([customId, request]) => JSON.stringify({ custom_id: customId, method: 'POST', url: BATCH_ENDPOINT, body: request.body }));
      for (const fileLines of splitBatchLines(lines, options.limits)) {
        const input = `${fileLines.join('\n')}\n`;
        const record: BatchRecord = { key: createHash('sha256').update(input).digest('hex').slice(0, 24), customIds: fileLines.map((line) => (JSON.parse(line) as { custom_id: string }).custom_id) };
        await journal.record(record, input);
        submissions.push(record);
      }
    }
    // Every batch is waited for before a failure is thrown: no poll outlives the run.
    const settled = await Promise.allSettled([...recorded.map(resumeSubmission), ...submissions.map(settleSubmission)]);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const results = settled.map((outcome) => (outcome as PromiseFulfilledResult<Map<string, BatchResult>>).value);
    for (const [customId, request] of round) settleRequest(customId, request, pickResult(results.map((found) => found.get(customId))));
  };

  const settleSubmission = async (recorded: BatchRecord) => {
    const record = await submitBatch(client, journal, recorded, signal);
    const batchId = record.batchId!;
    const giveUpAt = deadline ? (batch: Batch) => (fellBack ? 0 : findLatestStart(deadline, countUnanswered(batch), atOnce.callMs())) : undefined;
    let batch = await waitForBatch(client, batchId, { sleep, signal, onProgress: log, now, ...(giveUpAt ? { giveUpAt } : {}) }).catch(async (error: unknown) => {
      // Abandoned (Ctrl-C twice, SIGTERM): the server stops paying for what is left; what it answered stays readable by a rerun.
      if (signal.aborted) await cancelBatch(batchId, 'interrupted');
      throw error;
    });
    if (!isBatchFinished(batch)) {
      // The rest can only just be sent at once before the deadline: what the batch answered is kept, the rest goes at once.
      fellBack = true;
      const reason = deadline!.giveUpReason ?? (now() >= deadline!.at ? `the deadline ${deadline!.label} has passed` : `the ${countUnanswered(batch)} calls it has not answered can only just be sent at once before the deadline ${deadline!.label}`);
      await cancelBatch(batchId, `${reason}; its answers are kept, the rest go at once`);
      batch = await waitForBatch(client, batchId, { sleep, signal, onProgress: log, now });
    }
    const results = await readBatchResults(client, batch, record.customIds, signal);
    finishedKeys.add(record.key);
    return results;
  };

  // A recorded batch or file the server no longer has (deleted, past its retention): its requests go in a new batch.
  const resumeSubmission = async (record: BatchRecord): Promise<Map<string, BatchResult>> => {
    try {
      return await settleSubmission(record);
    } catch (error) {
      if (!(error instanceof LlmError) || error.status !== 404) throw error;
      log(`batch ${record.batchId ?? record.key}: no longer on the server (${error.message}); its requests go in a new batch`);
      await journal.forget(record.key);
      return new Map();
    }
  };

  const cancelBatch = async (batchId: string, reason: string) => {
    log(`batch ${batchId}: cancelling on the server (${reason})`);
    // Sent when the run's signal has aborted too: its retries wait on no signal.
    await callBatchApi(client, `POST /v1/batches/${batchId}/cancel`, () => client.batches.cancel(batchId)).catch((error: unknown) => log(`batch ${batchId}: the cancel failed (${describeLlmFailure(error)}); cancel it in the provider's dashboard`));
  };

  const settleRequest = (customId: string, request: PendingRequest, result: BatchResult) => {
    if (result.kind === 'answered') return request.resolve({ completion: result.completion, batched: true });
    if (result.kind === 'retry' && (fellBack || onlyRecorded)) {
      atOnce.send(request.sendAtOnce).then((completion) => request.resolve({ completion, batched: false }), request.reject);
      return;
    }
    if (result.kind === 'retry' && request.resubmissions < maxResubmissions) {
      // Only what is missing goes into the next batch.
      request.resubmissions += 1;
      pending.set(customId, request);
      return;
    }
    request.reject(new LlmError(`${customId}: ${result.reason}`, result.kind === 'failed' && result.status !== undefined ? { status: result.status } : {}));
  };

  const join = (label: string, parent?: Participant): BatchParticipant => {
    const participant: Participant = { outstanding: 0, branches: 0 };
    participants.add(participant);
    if (parent) parent.branches += 1;
    let left = false;
    return {
      async answer(body: ChatCompletionCreateParamsNonStreaming, answerOptions: BatchAnswerOptions): Promise<BatchAnswer> {
        signal.throwIfAborted();
        // A follow-up by the setting, or any call once the deadline took over, goes at once; this paper is working, not waiting for the batch.
        if (fellBack || (answerOptions.followUp && followUps === 'at-once')) return { completion: await atOnce.send(answerOptions.sendAtOnce), batched: false };
        // The same call twice (a long paper's notes, asked by each style) is one request and one answer.
        const customId = `${label}-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)}`;
        if (onlyRecorded && !(await isRecorded(customId))) return { completion: await atOnce.send(answerOptions.sendAtOnce), batched: false };
        const existing = pending.get(customId) ?? inFlight.get(customId);
        const request = existing ?? createPendingRequest(body, answerOptions.sendAtOnce);
        if (!inFlight.has(customId)) pending.set(customId, request);
        participant.outstanding += 1;
        scheduleFlush();
        try {
          const answer = await request.answered;
          // Paid once: a second caller of the same request gets the answer without its usage, so the spend is counted once.
          return existing ? { ...answer, completion: withoutUsage(answer.completion) } : answer;
        } finally {
          participant.outstanding -= 1;
        }
      },
      branch: () => join(label, participant),
      leave() {
        if (left) return;
        left = true;
        participants.delete(participant);
        if (parent) parent.branches -= 1;
        scheduleFlush();
      },
    };
  };

  return {
    get fellBack() {
      return fellBack;
    },
    join: (label) => join(label),
    async close() {
      for (const key of finishedKeys) await journal.forget(key);
    },
  };
}

// --- internal ---

// A request in two recorded batches (an expired one, then its resubmission) takes the answer wherever it is.
function pickResult(found: Array<BatchResult | undefined>): BatchResult {
  const results = found.filter((result) => result !== undefined);
  return results.find((result) => result.kind === 'answered') ?? results.find((result) => result.kind === 'failed') ?? results[0] ?? { kind: 'retry', reason: 'in no batch' };
}

interface Participant {
  /** Calls waiting for an answer. */
  outstanding: number;
  /** Branches not yet left: while there are any, this participant waits through them. */
  branches: number;
}

function withoutUsage(completion: unknown): unknown {
  return typeof completion === 'object' && completion !== null ? { ...completion, usage: undefined } : completion;
}

interface PendingRequest {
  body: ChatCompletionCreateParamsNonStreaming;
  answered: Promise<BatchAnswer>;
  resolve(answer: BatchAnswer): void;
  reject(error: unknown): void;
  resubmissions: number;
  /** The first caller's direct call, for a deadline's fallback. */
  sendAtOnce: () => Promise<unknown>;
}

function createPendingRequest(body: ChatCompletionCreateParamsNonStreaming, sendAtOnce: () => Promise<unknown>): PendingRequest {
  let resolve!: (answer: BatchAnswer) => void;
  let reject!: (error: unknown) => void;
  const answered = new Promise<BatchAnswer>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  // Every waiter handles it; a request nobody waits for any more must not crash the run.
  answered.catch(() => undefined);
  return { body, answered, resolve, reject, resubmissions: 0, sendAtOnce };
}

// The lines of a batch neither answered nor failed yet.
function countUnanswered(batch: Batch): number {
  const counts = batch.request_counts;
  return counts ? Math.max(0, counts.total - counts.completed - counts.failed) : 0;
}
