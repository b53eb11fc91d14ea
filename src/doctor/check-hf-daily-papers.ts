import { fetchHfDailyPapers, type FetchFunction } from '../arxiv/fetch-hf-daily-papers.js';
import { ENV_NAMES } from '../config/config-schema.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { CheckResult } from './check-result.js';
import { formatCount } from '../format/format-count.js';

/** Yesterday's Hugging Face daily list, the nightly default source: answers, and in the shape we read. */
export async function checkHfDailyPapers(fetch: FetchFunction, url: string, timeoutMs: number, now: Date): Promise<CheckResult> {
  const base = { id: 'hf-daily-papers', title: 'Hugging Face daily papers' };
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  try {
    const daily = await fetchHfDailyPapers(fetch, url, yesterday, { timeoutMs });
    return { ...base, status: 'ok', message: `${new URL(url).host} answers (${formatCount(daily.ids.length, 'paper')} on ${yesterday})` };
  } catch (error) {
    return { ...base, status: 'failed', message: describeFailure(error), fix: `check ${ENV_NAMES.hfDailyPapersUrl} (default https://huggingface.co/api/daily_papers) and the network` };
  }
}
