import { ENV_NAMES } from '../config/config-schema.js';
import { RunError } from '../errors/brief-error.js';

/** arXiv answered 403: it refuses us, most likely for breaking its rate rules, so the run must stop. */
export class ArxivForbiddenError extends RunError {
  constructor(readonly url: string) {
    super(
      `arXiv refused the request for ${url} (HTTP 403), most likely because of its rate rules; ` +
        `stopping. Wait before trying again and keep ${ENV_NAMES.arxivMinIntervalMs} at 3000 or more.`,
    );
  }
}
