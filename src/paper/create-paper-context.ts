import type OpenAI from 'openai';
import { buildUserAgent } from '../arxiv/build-user-agent.js';
import { type ArxivQueue, createArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { loadPrompts, type Prompts } from '../brief/load-prompts.js';
import { readPackageVersion } from '../config/read-package-version.js';
import type { Config } from '../config/config-schema.js';
import { createLlmClient } from '../llm/create-llm-client.js';
import { createPdfExtractor, type PdfExtractor } from '../pdf/extract-text.js';
import { createPaperCache, type PaperCache } from './paper-cache.js';

/** Everything the per-paper steps talk to, built once per run from the configuration. */
export interface PaperContext {
  config: Config;
  prompts: Prompts;
  arxivQueue: ArxivQueue;
  extractor: PdfExtractor;
  cache: PaperCache;
  /** Built on first use, so runs that need no model (dry runs, `text`) need no key. */
  llm: () => OpenAI;
  close(): Promise<void>;
}

export async function createPaperContext(config: Config, options: { extractorPoolSize?: number } = {}): Promise<PaperContext> {
  const prompts = await loadPrompts(config.promptsDir, config.styles);
  const arxivQueue = createArxivQueue({
    minIntervalMs: config.arxivMinIntervalMs,
    maxRetryAfterMs: config.maxRetryAfterMs,
    userAgent: buildUserAgent(readPackageVersion()),
  });
  const extractor = createPdfExtractor({ poolSize: options.extractorPoolSize });
  let client: OpenAI | undefined;
  return {
    config,
    prompts,
    arxivQueue,
    extractor,
    cache: createPaperCache(config.cacheDir),
    llm: () => {
      client ??= createLlmClient({ apiKey: config.openaiApiKey, baseUrl: config.openaiBaseUrl, timeoutMs: config.llmTimeoutMs });
      return client;
    },
    async close() {
      await Promise.all([arxivQueue.close(), extractor.close()]);
    },
  };
}
