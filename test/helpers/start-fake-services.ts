import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeArxiv, type FakePaper, startFakeArxiv } from '../fakes/fake-arxiv-server.js';
import { type FakeHf, startFakeHf } from '../fakes/fake-hf-server.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';
import { groundedBriefResponder } from './brief-responder.js';

export const TEST_API_KEY = 'sk-test-arxivbrief-0123456789abcdef';

export interface FakeServices {
  arxiv: FakeArxiv;
  openai: FakeOpenAi;
  /** The Hugging Face daily papers list (`HF_DAILY_PAPERS_URL`); every day is empty until `setDay`. */
  hf: FakeHf;
  outputDir: string;
  cacheDir: string;
  /** The environment a user would set, pointing every boundary at the fakes. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** A fake arXiv, a fake OpenAI-compatible server and a fake HF daily list on 127.0.0.1, and empty output and cache folders. */
export async function startFakeServices(papers: FakePaper[] = [], options: { latencyMs?: number; promptCaching?: boolean } = {}): Promise<FakeServices> {
  const arxiv = await startFakeArxiv({ papers });
  const openai = await startFakeOpenAi({ apiKey: TEST_API_KEY, latencyMs: options.latencyMs, responder: groundedBriefResponder, promptCaching: options.promptCaching });
  const hf = await startFakeHf();
  const root = await mkdtemp(join(tmpdir(), 'arxiv-brief-'));
  const outputDir = join(root, 'output');
  const cacheDir = join(root, 'cache');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    OPENAI_API_KEY: TEST_API_KEY,
    OPENAI_BASE_URL: openai.baseUrl,
    SUMMARIZE_MODEL: 'gpt-5-mini',
    ARXIV_API_URL: arxiv.apiUrl,
    ARXIV_PDF_URL: arxiv.pdfUrl,
    ARXIV_HTML_URL: arxiv.htmlUrl,
    ARXIV_RSS_URL: arxiv.rssUrl,
    ARXIV_MIN_INTERVAL_MS: '20',
    HF_DAILY_PAPERS_URL: hf.url,
    SUMMARIZE_OUTPUT_DIR: outputDir,
    SUMMARIZE_CACHE_DIR: cacheDir,
  };
  return {
    arxiv,
    openai,
    hf,
    outputDir,
    cacheDir,
    env,
    async close() {
      await Promise.all([arxiv.close(), openai.close(), hf.close()]);
      await rm(root, { recursive: true, force: true });
    },
  };
}
