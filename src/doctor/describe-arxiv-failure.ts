import { ArxivApiError } from '../arxiv/arxiv-api-error.js';
import { ArxivForbiddenError } from '../arxiv/arxiv-forbidden-error.js';
import { ArxivRequestError } from '../arxiv/arxiv-request-error.js';
import { ENV_NAMES } from '../config/config-schema.js';
import { describeNetworkFailure } from './describe-network-failure.js';
import { formatDuration } from '../format/format-duration.js';

/** A failed request to arXiv (API or PDF host) in plain words, with the fix. */
export function describeArxivFailure(error: unknown, url: string, urlSetting: string, timeoutMs: number): { message: string; fix: string } {
  const host = new URL(url).host;
  if (error instanceof ArxivForbiddenError) {
    return {
      message: `${host} refuses us (HTTP 403), most likely for breaking arXiv's rate rules`,
      fix: `wait an hour before trying again, run one job at a time and keep ${ENV_NAMES.arxivMinIntervalMs} at 3000 or more`,
    };
  }
  if (error instanceof ArxivApiError) {
    return {
      message: `${host} answered, but not with a usable feed: ${error.apiMessage}`,
      fix: `check that ${urlSetting} is arXiv's query API (https://export.arxiv.org/api/query) or try again later`,
    };
  }
  // e.g. the body broke off while the PDF check read it
  if (!(error instanceof ArxivRequestError)) return describeNetworkFailure(error, host, urlSetting);
  switch (error.reason) {
    case 'network':
      return describeNetworkFailure(error.cause ?? error, host, urlSetting);
    case 'timeout':
      return {
        message: `${host} did not answer within ${formatDuration(timeoutMs, { style: 'spaced' })}`,
        fix: `arXiv may be slow or down (https://status.arxiv.org); otherwise check the network, the proxy or ${urlSetting}`,
      };
    case 'status':
      return {
        message: `${host} answered HTTP ${error.status ?? '?'}`,
        fix: error.status !== undefined && error.status >= 500 ? 'arXiv is having trouble; try again later' : `check ${urlSetting}`,
      };
    case 'retry-after-too-long':
      return { message: `${host} is rate limiting us (HTTP ${error.status ?? '?'}) and asks us to wait`, fix: 'try again later' };
    default:
      return { message: error.message, fix: 'try again later' };
  }
}

// --- internal ---

