import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { queryArxivApi } from '../arxiv/query-arxiv-api.js';
import { ENV_NAMES } from '../config/config-schema.js';
import type { CheckResult } from './check-result.js';
import { describeArxivFailure } from './describe-arxiv-failure.js';

/** A paper that has been on arXiv for years, so its absence says the API is degraded, not the paper gone. */
export const PROBE_PAPER = { id: '1706.03762', version: 7 } as const;

/** One small metadata query through the polite queue, as a run's first request would be. */
export async function checkArxivApi(queue: ArxivQueue, apiUrl: string, timeoutMs: number): Promise<CheckResult> {
  const base = { id: 'arxiv-api', title: 'arXiv API' };
  const parameters = new URLSearchParams({ id_list: PROBE_PAPER.id, max_results: '1' });
  const host = new URL(apiUrl).host;
  try {
    const feed = await queryArxivApi(queue, apiUrl, parameters);
    if (feed.entries.length === 0) {
      return {
        ...base,
        status: 'warning',
        message: `${host} answered, but without the paper ${PROBE_PAPER.id}, which it should know`,
        fix: 'arXiv sometimes answers empty under load; run the doctor again later',
      };
    }
    return { ...base, status: 'ok', message: `${host} answers (found ${PROBE_PAPER.id})` };
  } catch (error) {
    return { ...base, status: 'failed', ...describeArxivFailure(error, apiUrl, ENV_NAMES.arxivApiUrl, timeoutMs) };
  }
}
