import type { Dispatcher } from 'undici';
import { createArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { ENV_NAMES, type Config } from '../config/config-schema.js';
import { hasLlmAccess } from '../config/load-config.js';
import { ConfigError } from '../errors/brief-error.js';
import { createLlmClient, OPENAI_BASE_URL } from '../llm/create-llm-client.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { fetch as undiciFetch } from 'undici';
import { checkAnnouncementFeed } from './check-announcement-feed.js';
import { checkArxivApi } from './check-arxiv-api.js';
import { checkHfDailyPapers } from './check-hf-daily-papers.js';
import { checkInterestsFile } from './check-interests-file.js';
import { checkConfig } from './check-config.js';
import { checkFolderWritable } from './check-folder-writable.js';
import { checkLlmEndpoint } from './check-llm-endpoint.js';
import { checkModelPrice } from './check-model-price.js';
import { checkPdfHost } from './check-pdf-host.js';
import { checkPrompts } from './check-prompts.js';
import { checkSmtp } from './check-smtp.js';
import { checkChannel } from './check-channel.js';
import { checkReadersDatabase } from './check-readers-database.js';
import { checkServerHealth } from './check-server-health.js';
import { hasReadersDatabase } from '../readers/has-readers-database.js';
import type { CheckResult } from './check-result.js';

export type RunDoctorChecksOptions = {
  env: NodeJS.ProcessEnv;
  /** Sent to arXiv, as its API terms ask; see `buildUserAgent`. */
  userAgent: string;
  /** Default: `.env` in the working directory, like every command. */
  envFile?: string;
  /** Time limit of each network check. Default: 10_000. */
  timeoutMs?: number;
  /** Told of each result in order, as soon as it is known, so a terminal shows progress. */
  onResult?: (result: CheckResult) => void;
  /** For the LLM check. Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** For the arXiv checks. Default: the queue's own single-connection agent. */
  dispatcher?: Dispatcher;
};

/** The checks of `summarize doctor`, in order; the network ones run side by side but report in order. */
export async function runDoctorChecks(options: RunDoctorChecksOptions): Promise<CheckResult[]> {
  const { timeoutMs = 10_000 } = options;
  const results: CheckResult[] = [];
  const report = (result: CheckResult) => {
    results.push(result);
    options.onResult?.(result);
  };

  const { result: configResult, config } = checkConfig(options.env, options.envFile);
  report(configResult);
  if (!config) {
    for (const [id, title] of LATER_CHECKS) {
      report({ id, title, status: 'skipped', message: 'not run: it needs a valid configuration' });
    }
    return results;
  }

  const queue = createArxivQueue({
    minIntervalMs: config.arxivMinIntervalMs,
    maxRetryAfterMs: config.maxRetryAfterMs,
    userAgent: options.userAgent,
    // one attempt: the doctor reports what it sees rather than waiting out backoffs
    maxRetries: 0,
    timeoutMs,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  try {
    // started first so the network waits overlap the local checks; the queue keeps arXiv's spacing
    const arxivApi = timed('arxiv-api', 'arXiv API', () => checkArxivApi(queue, config.arxivApiUrl, timeoutMs));
    const pdfHost = timed('pdf-host', 'arXiv PDFs', () => checkPdfHost(queue, config.arxivPdfUrl, timeoutMs));
    const rss = timed('arxiv-rss', 'arXiv announcement feed', () => checkAnnouncementFeed(queue, config.arxivRssUrl, timeoutMs));
    const hf = timed('hf-daily-papers', 'Hugging Face daily papers', () => checkHfDailyPapers(options.fetch ?? undiciFetch, config.hfDailyPapersUrl, timeoutMs, new Date()));
    const llmEndpoint = timed('llm-endpoint', 'LLM endpoint', () => runLlmCheck(config, timeoutMs, options.fetch));
    const smtpUrl = config.smtpUrl;
    const smtp = smtpUrl === undefined ? undefined : timed('smtp', 'SMTP server', () => checkSmtp(smtpUrl, timeoutMs));
    const publicUrl = config.publicUrl;
    const serverHealth = publicUrl === undefined ? undefined : timed('server-health', 'readers server', () => checkServerHealth(publicUrl, hasReadersDatabase(config), timeoutMs, options.fetch ?? globalThis.fetch));
    const channels = (config.webhooks ?? []).map((channel) => timed(`channel-${channel.label}`, `chat channel ${channel.label}`, () => checkChannel(channel, timeoutMs, options.fetch)));

    report(checkModelPrice(config));
    report(await timed('output-dir', 'output folder', () =>
      checkFolderWritable({ id: 'output-dir', title: 'output folder', path: config.outputDir, setting: ENV_NAMES.outputDir }),
    ));
    report(await timed('cache-dir', 'cache folder', () =>
      checkFolderWritable({ id: 'cache-dir', title: 'cache folder', path: config.cacheDir, setting: ENV_NAMES.cacheDir }),
    ));
    report(await timed('prompts', 'prompt files', () => checkPrompts(config.promptsDir)));
    report(await timed('readers-db', 'readers database', () => checkReadersDatabase(config)));
    const interestsPath = config.interestsPath;
    if (interestsPath !== undefined) report(await timed('interests', 'interests file', () => checkInterestsFile(interestsPath)));
    report(await arxivApi);
    report(await pdfHost);
    report(await rss);
    report(await hf);
    report(await llmEndpoint);
    if (smtp) report(await smtp);
    for (const channel of channels) report(await channel);
    if (serverHealth) report(await serverHealth);
  } finally {
    await queue.close();
  }
  return results;
}

// --- internal ---

const LATER_CHECKS: Array<[string, string]> = [
  ['model-price', 'model price'],
  ['output-dir', 'output folder'],
  ['cache-dir', 'cache folder'],
  ['prompts', 'prompt files'],
  ['arxiv-api', 'arXiv API'],
  ['pdf-host', 'arXiv PDFs'],
  ['arxiv-rss', 'arXiv announcement feed'],
  ['hf-daily-papers', 'Hugging Face daily papers'],
  ['llm-endpoint', 'LLM endpoint'],
];

async function runLlmCheck(config: Config, timeoutMs: number, fetch: typeof globalThis.fetch | undefined): Promise<CheckResult> {
  // The configuration line already fails for it: one cause, one failure.
  if (!hasLlmAccess(config)) return { id: 'llm-endpoint', title: 'LLM endpoint', status: 'skipped', message: `not run: it needs ${ENV_NAMES.openaiApiKey} or ${ENV_NAMES.openaiBaseUrl}` };
  try {
    // the configured base URL as is: createLlmClient refuses a missing key only when none is set
    const client = createLlmClient({ apiKey: config.openaiApiKey, baseUrl: config.openaiBaseUrl, timeoutMs, fetch });
    const baseUrl = config.openaiBaseUrl ?? OPENAI_BASE_URL;
    return await checkLlmEndpoint({ client, model: config.model, baseUrl, timeoutMs });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { id: 'llm-endpoint', title: 'LLM endpoint', status: 'failed', message: error.problems.join('; ') };
  }
}

// A bug in one check must not hide the others: it becomes that check's failure, with its duration.
async function timed(id: string, title: string, check: () => Promise<CheckResult>): Promise<CheckResult> {
  const startedAt = performance.now();
  let result: CheckResult;
  try {
    result = await check();
  } catch (error) {
    const detail = redactSecrets(error instanceof Error ? error.message : String(error), [], { keyShapes: true });
    result = { id, title, status: 'failed', message: `the check itself failed: ${detail}`, fix: 'please report this as a bug' };
  }
  return { ...result, durationMs: Math.round(performance.now() - startedAt) };
}
