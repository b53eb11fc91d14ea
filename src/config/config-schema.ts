import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseMailAddresses } from './parse-mail-addresses.js';
import { parseSmtpUrlSafely } from './parse-smtp-url.js';
import { parseStyleNames } from '../brief/parse-style-names.js';
import { parseChannelUrls } from './parse-channel-urls.js';
import { parseDeadline } from './parse-deadline.js';
import { describeLanguageProblem } from '../language/parse-language-tag.js';

export const DEFAULT_MODEL = 'gpt-5-mini';

const POSITIVE = 'expected a whole number above 0';
const NON_NEGATIVE = 'expected a whole number, 0 or more';
const positiveInt = z.coerce.number({ error: POSITIVE }).int({ error: POSITIVE }).positive({ error: POSITIVE });
const nonNegativeInt = z.coerce.number({ error: NON_NEGATIVE }).int({ error: NON_NEGATIVE }).nonnegative({ error: NON_NEGATIVE });
const httpUrl = z
  .string()
  .url({ error: 'expected a URL such as https://example.org/path' })
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://')
  .transform((value) => value.replace(/\/+$/, ''));

const SWITCH = 'expected 1 or 0 (also true/false, yes/no, on/off)';
const ON_WORDS = ['1', 'true', 'yes', 'on'];
const OFF_WORDS = ['0', 'false', 'no', 'off'];
/** `on`, `off`, or one of `extra` (such as `auto`), from a switch-like setting; undefined when it is none of them. */
function readSwitch<Extra extends string>(value: string, extra: readonly Extra[] = []): 'on' | 'off' | Extra | undefined {
  const normalized = value.trim().toLowerCase();
  if (ON_WORDS.includes(normalized)) return 'on';
  if (OFF_WORDS.includes(normalized)) return 'off';
  return extra.find((word) => word === normalized);
}
const switchValue = z.string().transform((value, context) => {
  const read = readSwitch(value);
  if (read === undefined) {
    context.addIssue({ code: 'custom', message: SWITCH });
    return z.NEVER;
  }
  return read === 'on';
});

// `auto` lets a nightly run choose the Batch API when its deadline allows.
const batchMode = z.string().transform((value, context) => {
  const read = readSwitch(value, ['auto'] as const);
  if (read === undefined) {
    context.addIssue({ code: 'custom', message: `${SWITCH} or auto` });
    return z.NEVER;
  }
  return read;
});
const deadline = z.string().transform((value, context) => {
  const parsed = parseDeadline(value);
  if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
  return typeof parsed === 'string' ? z.NEVER : parsed;
});

const smtpUrl = z.string().refine((value) => parseSmtpUrlSafely(value) !== undefined, {
  error: 'expected smtps://user:password@host:465 or smtp://host:25 (special characters in the password percent-encoded)',
});
const webhookList = z.string().transform((value, context) => {
  const parsed = parseChannelUrls(value);
  if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
  return typeof parsed === 'string' ? z.NEVER : parsed;
});
const mailAddressList = z.string().transform((value, context) => {
  const parsed = parseMailAddresses(value);
  if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
  return typeof parsed === 'string' ? z.NEVER : parsed;
});

/** Per-model prices in USD per million tokens; `SUMMARIZE_PRICES` (JSON) adds to or overrides the built-in table. */
export const PriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cachedInput: z.number().nonnegative().optional(),
});
export type Price = z.infer<typeof PriceSchema>;

function defaultPromptsDir(): string {
  return fileURLToPath(new URL('../../prompts', import.meta.url));
}

function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'arxiv-brief');
}

/** Everything the tool reads from env, .env and flags; the names are part of the interface. */
export const ConfigSchema = z.object({
  openaiApiKey: z.string().min(1).optional(),
  openaiBaseUrl: httpUrl.optional(),
  model: z.string().min(1).default(DEFAULT_MODEL),
  arxivApiUrl: httpUrl.default('https://export.arxiv.org/api/query'),
  arxivPdfUrl: httpUrl.default('https://arxiv.org/pdf'),
  /** arXiv's HTML rendering, where the paper's figures come from: `${arxivHtmlUrl}/<id>v<n>`. */
  arxivHtmlUrl: httpUrl.default('https://arxiv.org/html'),
  hfDailyPapersUrl: httpUrl.default('https://huggingface.co/api/daily_papers'),
  /** arXiv's terms: one request every 3 seconds, on one connection. */
  arxivMinIntervalMs: nonNegativeInt.default(3000),
  outputDir: z.string().min(1).default('./output'),
  /** Where the output folder is published, for the feeds' links (its login dropped); default: none, feed links are relative. */
  publicUrl: httpUrl.optional(),
  cacheDir: z.string().min(1).default(defaultCacheDir),
  /** The prompt files users edit; the brief records a hash of them as its prompt version. */
  promptsDir: z.string().min(1).default(defaultPromptsDir),
  llmConcurrency: positiveInt.default(4),
  /** Caps the paper text sent to the model, below the model's own context. */
  maxInputTokens: positiveInt.optional(),
  /** Model calls per paper when the answer breaks the schema (first try included). */
  maxAttempts: positiveInt.max(10).default(3),
  llmTimeoutMs: positiveInt.default(180_000),
  /** Longest Retry-After we wait for, from arXiv or the LLM; longer waits fail the request. */
  maxRetryAfterMs: positiveInt.default(60_000),
  pdfMaxBytes: positiveInt.default(50 * 1024 * 1024),
  pdfTimeoutMs: positiveInt.default(120_000),
  prices: z.record(z.string(), PriceSchema).default({}),
  /** A `prompt_cache_key` per paper routes its calls to one cache: `auto` sends it to OpenAI's own endpoint only (others may refuse unknown fields). */
  promptCacheKey: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Sends the run's model calls through the Batch API (`--batch`): half the price, answered within 24 hours. */
  batch: batchMode.default('off'),
  /** Through the Batch API, repairs, grounding rounds and the podcast segments (which read the briefs) go in the next batch, or are sent at once at the list price. */
  batchFollowUps: z.enum(['next-batch', 'at-once']).default('next-batch'),
  /** When a nightly run must be done; with `batch: auto` it goes through the Batch API only while the rest can still be sent at once in time. */
  deadline: deadline.optional(),
  // --- choosing papers (announcement feed, interests, ranking) ---
  /** arXiv's announcement feed (RSS 2.0); `${arxivRssUrl}/cs.LG+cs.CL`. */
  arxivRssUrl: httpUrl.default('https://rss.arxiv.org/rss'),
  /** The interests file that ranks a nightly run's candidates (--interests overrides). */
  interestsPath: z.string().min(1).optional(),
  /** The embeddings model for ranking by interests; `none` ranks by keywords (BM25) instead. */
  embeddingModel: z.string().min(1).default('text-embedding-3-small'),
  /** Show a paper in full again although an earlier edition did (`--repeat`); default: listed under "Also on today's list". */
  repeat: switchValue.default(false),
  /** `smtps://user:pass@host:465` or `smtp://host:25`, for `summarize send`; the password is never shown. */
  smtpUrl: smtpUrl.optional(),
  /** The edition's sender, e.g. `arXiv Brief <brief@example.org>`. */
  mailFrom: mailAddressList.refine((list) => list.length === 1, 'expected one address').transform((list) => list[0]!).optional(),
  /** The edition's recipients, comma-separated (`send --to` overrides). */
  mailTo: mailAddressList.optional(),
  /** Default: names the date and the number of papers. */
  mailSubject: z.string().min(1).optional(),
  /** A `List-Unsubscribe` target: an https URL or a mailto: address. */
  mailUnsubscribe: z
    .string()
    .refine((value) => /^(https:\/\/|mailto:)\S+$/.test(value), 'expected an https:// URL or a mailto: address')
    .optional(),
  /** DKIM signing of each copy, for a relay that does not sign (RFC 8058 wants List-Unsubscribe signed): the signing domain, */
  dkimDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'expected a domain name, e.g. example.org (the one in SUMMARIZE_MAIL_FROM)')
    .optional(),
  /** its selector (the DNS name `<selector>._domainkey.<domain>` holds the public key), */
  dkimSelector: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, 'expected a DNS label, e.g. brief2025')
    .optional(),
  /** and the PEM file of its private key. */
  dkimKeyFile: z.string().min(1).optional(),
  /** The styles each paper is written in besides the brief (`--style` overrides); see src/styles/style-names.ts. */
  styles: z
    // `--style` arrives parsed; it is checked again with SUMMARIZE_STYLES's words.
    .preprocess((value) => (Array.isArray(value) ? value.join(',') : value), z.string())
    .transform((value, context) => {
      try {
        return parseStyleNames(value, 'SUMMARIZE_STYLES');
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message.replace(/^SUMMARIZE_STYLES: /, '') });
        return z.NEVER;
      }
    })
    .default(['brief']),
  // --- the podcast ---
  /** Host names, comma-separated: one host speaks alone, two take turns (host and guest). */
  podcastHosts: z
    .string()
    .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(40)).min(1, 'expected one or two names, e.g. Alex or Alex,Sam').max(2, 'expected at most two hosts'))
    .default(['Alex']),
  /** Papers in an episode, in rank order (`--podcast-top` overrides). */
  podcastTop: positiveInt.default(5),
  podcastTitle: z.string().min(1).default('arXiv Brief'),
  /** A square JPEG or PNG (1,400 to 3,000 px) for podcast apps; default: a generated one. */
  podcastImage: z.string().min(1).optional(),
  /** The speech model on the endpoint, or `espeak-ng` for local speech. */
  ttsModel: z.string().min(1).default('gpt-4o-mini-tts'),
  /** An OpenAI-compatible `/v1` endpoint with `/audio/speech` (Kokoro, Piper); default: OPENAI_BASE_URL. */
  ttsBaseUrl: httpUrl.optional(),
  /** One voice per host, comma-separated; default: alloy,onyx on an endpoint, en-us,en-gb on eSpeak NG. */
  ttsVoices: z
    .string()
    .transform((value) => value.split(',').map((voice) => voice.trim()).filter(Boolean))
    .optional(),
  /** USD per million characters of speech, for a model not in the built-in table. */
  ttsPrice: z.coerce.number().nonnegative().optional(),
  /** Signs each reader's unsubscribe token (HMAC-SHA256 of the address); with an https unsubscribe URL, mail gets one-click unsubscribe. */
  unsubscribeSecret: z.string().min(16, 'expected at least 16 characters, e.g. the output of: openssl rand -hex 32').optional(),
  /** `nightly --send` on a day without papers: a one-line note to readers and chat channels, once, instead of silence. */
  notifyEmpty: switchValue.default(false),
  /** Chat channels for the edition (Slack, Discord, Telegram, JSON webhooks), comma-separated; secrets, never shown. */
  webhooks: webhookList.optional(),
  /** BCP 47 tag of the language every style is written in (`--language`); one with a message table in src/language/. */
  language: z
    .string()
    .trim()
    .superRefine((tag, context) => {
      const problem = describeLanguageProblem(tag);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform((tag) => Intl.getCanonicalLocales(tag)[0]!)
    .default('en'),
  // --- readers and the server (`summarize readers`, `summarize serve`) ---
  /** The private folder of the readers' database; default: `<output>-data` beside the output folder, never inside it. */
  dataDir: z.string().min(1).optional(),
  /** A reader whose address the server refused for good (5xx on RCPT TO) this many editions in a row is marked bounced. */
  bounceLimit: positiveInt.default(3),
  /** Papers shown in full in each reader's own copy, picked for them from the day's candidates; default: the edition's count. */
  readerTop: positiveInt.optional(),
  /** A reader's vote or library item this many days old counts half in their copy's model. */
  learnHalfLifeDays: positiveInt.default(90),
  /** Where `summarize serve` listens (`--host`, `--port` override); behind a reverse proxy that adds TLS. */
  serveHost: z.string().min(1).default('127.0.0.1'),
  servePort: nonNegativeInt.max(65535, 'expected a port, 0 to 65535').default(8080),
  /** Confirmation mails one address may be sent a day, and subscribe requests one client address may make an hour. */
  subscribeLimitPerAddress: positiveInt.default(3),
  subscribeLimitPerClient: positiveInt.default(10),
});
export type Config = z.infer<typeof ConfigSchema>;

/** The environment variable behind each config key, for messages and .env.example. */
export const ENV_NAMES: Record<keyof Config, string> = {
  openaiApiKey: 'OPENAI_API_KEY',
  openaiBaseUrl: 'OPENAI_BASE_URL',
  model: 'SUMMARIZE_MODEL',
  arxivApiUrl: 'ARXIV_API_URL',
  arxivPdfUrl: 'ARXIV_PDF_URL',
  arxivHtmlUrl: 'ARXIV_HTML_URL',
  hfDailyPapersUrl: 'HF_DAILY_PAPERS_URL',
  arxivMinIntervalMs: 'ARXIV_MIN_INTERVAL_MS',
  outputDir: 'SUMMARIZE_OUTPUT_DIR',
  publicUrl: 'SUMMARIZE_PUBLIC_URL',
  cacheDir: 'SUMMARIZE_CACHE_DIR',
  promptsDir: 'SUMMARIZE_PROMPTS_DIR',
  llmConcurrency: 'SUMMARIZE_LLM_CONCURRENCY',
  maxInputTokens: 'SUMMARIZE_MAX_INPUT_TOKENS',
  maxAttempts: 'SUMMARIZE_MAX_ATTEMPTS',
  llmTimeoutMs: 'SUMMARIZE_LLM_TIMEOUT_MS',
  maxRetryAfterMs: 'SUMMARIZE_MAX_RETRY_AFTER_MS',
  pdfMaxBytes: 'SUMMARIZE_PDF_MAX_BYTES',
  pdfTimeoutMs: 'SUMMARIZE_PDF_TIMEOUT_MS',
  prices: 'SUMMARIZE_PRICES',
  promptCacheKey: 'SUMMARIZE_PROMPT_CACHE_KEY',
  batch: 'SUMMARIZE_BATCH',
  batchFollowUps: 'SUMMARIZE_BATCH_FOLLOW_UPS',
  deadline: 'SUMMARIZE_DEADLINE',
  arxivRssUrl: 'ARXIV_RSS_URL',
  interestsPath: 'SUMMARIZE_INTERESTS',
  embeddingModel: 'SUMMARIZE_EMBEDDING_MODEL',
  repeat: 'SUMMARIZE_REPEAT',
  smtpUrl: 'SMTP_URL',
  mailFrom: 'SUMMARIZE_MAIL_FROM',
  mailTo: 'SUMMARIZE_MAIL_TO',
  mailSubject: 'SUMMARIZE_MAIL_SUBJECT',
  mailUnsubscribe: 'SUMMARIZE_MAIL_UNSUBSCRIBE',
  dkimDomain: 'SUMMARIZE_DKIM_DOMAIN',
  dkimSelector: 'SUMMARIZE_DKIM_SELECTOR',
  dkimKeyFile: 'SUMMARIZE_DKIM_KEY_FILE',
  styles: 'SUMMARIZE_STYLES',
  podcastHosts: 'SUMMARIZE_PODCAST_HOSTS',
  podcastTop: 'SUMMARIZE_PODCAST_TOP',
  podcastTitle: 'SUMMARIZE_PODCAST_TITLE',
  podcastImage: 'SUMMARIZE_PODCAST_IMAGE',
  ttsModel: 'SUMMARIZE_TTS_MODEL',
  ttsBaseUrl: 'SUMMARIZE_TTS_BASE_URL',
  ttsVoices: 'SUMMARIZE_TTS_VOICES',
  ttsPrice: 'SUMMARIZE_TTS_PRICE',
  unsubscribeSecret: 'SUMMARIZE_UNSUBSCRIBE_SECRET',
  webhooks: 'SUMMARIZE_WEBHOOKS',
  language: 'SUMMARIZE_LANGUAGE',
  notifyEmpty: 'SUMMARIZE_NOTIFY_EMPTY',
  dataDir: 'SUMMARIZE_DATA_DIR',
  bounceLimit: 'SUMMARIZE_BOUNCE_LIMIT',
  readerTop: 'SUMMARIZE_READER_TOP',
  learnHalfLifeDays: 'SUMMARIZE_LEARN_HALF_LIFE_DAYS',
  serveHost: 'SUMMARIZE_SERVE_HOST',
  servePort: 'SUMMARIZE_SERVE_PORT',
  subscribeLimitPerAddress: 'SUMMARIZE_SUBSCRIBE_LIMIT_PER_ADDRESS',
  subscribeLimitPerClient: 'SUMMARIZE_SUBSCRIBE_LIMIT_PER_CLIENT',
};
