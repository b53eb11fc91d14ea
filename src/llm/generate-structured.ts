import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { z } from 'zod';
import type { Usage } from '../brief/brief-schema.js';
import { assertChatCompletion } from './assert-chat-completion.js';
import { type AnswerProblem, buildRepairMessage } from './build-repair-message.js';
import type { CompletionBatch } from './completion-batch.js';
import { NoValidOutputError } from './no-valid-output-error.js';
import { parseJsonText } from './parse-json-text.js';
import { addUsage, readCompletionUsage, ZERO_USAGE } from './read-completion-usage.js';
import { validateWithSchema } from './validate-with-schema.js';
import { requestCompletion } from './request-completion.js';
import type { LlmRetryOptions } from './with-llm-retries.js';

export interface GenerateStructuredOptions<T> {
  client: OpenAI;
  model: string;
  /** The conversation so far; pass a previous result's `messages` plus a new user turn to go on with it. */
  messages: ChatCompletionMessageParam[];
  /** Sent as a strict JSON schema and checked again here, refinements included. */
  schema: z.ZodType<T>;
  /** Names the schema for the server (letters, digits, _ and -). */
  schemaName: string;
  /**
   * The JSON schema sent instead of `schema`'s own, when one wider schema serves every call of a paper: the
   * server reads the schema before the prompt, so only calls with the same schema share a cached prefix.
   */
  responseSchema?: ResponseFormatJSONSchema.JSONSchema | undefined;
  /** Sent as `prompt_cache_key`: calls with the same key reach the same prompt cache. Default: none. */
  promptCacheKey?: string | undefined;
  /** Model calls in total, first one included, before NoValidOutputError; HTTP retries do not count. */
  maxAttempts: number;
  /** Sent as `max_completion_tokens`; default: the server's limit. */
  maxOutputTokens?: number | undefined;
  signal?: AbortSignal | undefined;
  /** HTTP retry behaviour of each call; see withLlmRetries. */
  retry?: LlmRetryOptions | undefined;
  /** Default: performance.now, for durationMs. */
  now?: () => number;
  /** Asked before each repair call; false stops repairing (a spending budget is reached). Default: always. */
  admitRepair?: () => boolean;
  /** Answers each call through the Batch API instead of at once; default: none. */
  batch?: CompletionBatch | undefined;
  /** The conversation goes on from an earlier answer (a grounding round): through --batch, a follow-up, as the repairs are. */
  followUp?: boolean | undefined;
}

export interface GenerateStructuredResult<T> {
  value: T;
  /** Summed over all attempts. */
  usage: Usage;
  attempts: number;
  durationMs: number;
  /** The text of the accepted answer. */
  rawText: string;
  finishReason: string;
  /** The whole conversation, ending with the accepted answer, for a follow-up round. */
  messages: ChatCompletionMessageParam[];
}

/**
 * Asks the model for JSON matching `schema` (strict structured output), then parses and validates it;
 * an unusable answer goes back to the model with what was wrong, up to `maxAttempts` calls.
 */
export async function generateStructured<T>(options: GenerateStructuredOptions<T>): Promise<GenerateStructuredResult<T>> {
  const { client, model, schema, schemaName, maxAttempts, maxOutputTokens, signal, retry, now = () => performance.now(), admitRepair = () => true, promptCacheKey, batch, followUp = false } = options;
  const startedAt = now();
  const jsonSchema = options.responseSchema ?? zodResponseFormat(schema, schemaName).json_schema;
  const messages = [...options.messages];
  let usage = ZERO_USAGE;
  let lastAnswer: { rawText: string; finishReason: string | undefined; problem: AnswerProblem } | undefined;

  let attempts = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (attempt > 1 && !admitRepair()) {
      lastAnswer?.problem.issues.push('no repair was attempted: the --max-cost budget is reached');
      break;
    }
    attempts = attempt;
    const completion: ChatCompletion = await requestCompletion(
      client,
      {
        model,
        messages,
        response_format: { type: 'json_schema', json_schema: jsonSchema },
        ...(maxOutputTokens === undefined ? {} : { max_completion_tokens: maxOutputTokens }),
        ...(promptCacheKey === undefined ? {} : { prompt_cache_key: promptCacheKey }),
      },
      { signal, retry, batch, followUp: attempt > 1 || followUp },
    );
    usage = addUsage(usage, readCompletionUsage(completion.usage));
    const choice = completion.choices[0];
    const rawText = choice?.message.content ?? '';
    const finishReason = choice?.finish_reason ?? undefined;
    const answer = readAnswer(schema, rawText, finishReason, choice?.message.refusal, maxOutputTokens);
    messages.push({ role: 'assistant', content: rawText || choice?.message.refusal || '(empty answer)' });
    if (answer.success) {
      return {
        value: answer.value,
        usage,
        attempts: attempt,
        durationMs: Math.max(0, now() - startedAt),
        rawText,
        finishReason: finishReason ?? 'stop',
        messages,
      };
    }
    lastAnswer = { rawText, finishReason, problem: answer.problem };
    if (attempt < maxAttempts) messages.push({ role: 'user', content: buildRepairMessage(answer.problem, schemaName) });
  }
  throw new NoValidOutputError({
    schemaName,
    rawText: lastAnswer?.rawText ?? '',
    finishReason: lastAnswer?.finishReason,
    issues: lastAnswer?.problem.issues ?? ['no attempt was made (maxAttempts < 1)'],
    usage,
    attempts,
  });
}

// --- internal ---

type Answer<T> = { success: true; value: T } | { success: false; problem: AnswerProblem };

function readAnswer<T>(
  schema: z.ZodType<T>,
  rawText: string,
  finishReason: string | undefined,
  refusal: string | null | undefined,
  maxOutputTokens: number | undefined,
): Answer<T> {
  if (refusal) return { success: false, problem: { kind: 'refusal', issues: [`the model refused: ${refusal}`] } };
  if (finishReason === 'length') {
    const limit = maxOutputTokens === undefined ? 'the output token limit' : `max ${maxOutputTokens} output tokens`;
    return { success: false, problem: { kind: 'cut-off', issues: [`the answer was cut off at ${limit} (finish_reason: length)`] } };
  }
  if (finishReason === 'content_filter') {
    return { success: false, problem: { kind: 'content-filter', issues: ['the answer was stopped by the content filter'] } };
  }
  const parsed = parseJsonText(rawText);
  if (!parsed.success) return { success: false, problem: { kind: 'not-json', issues: [parsed.error] } };
  const validated = validateWithSchema(schema, parsed.value);
  if (!validated.success) return { success: false, problem: { kind: 'schema', issues: validated.issues } };
  return validated;
}
