import { BriefError } from '../errors/brief-error.js';

/** The server has no embeddings endpoint, or not for this model (HTTP 404, 405 or 400): rank by keywords instead. */
export class EmbeddingsUnavailableError extends BriefError {
  constructor(
    readonly model: string,
    readonly status: number,
    options: { cause?: unknown } = {},
  ) {
    super(`the LLM server answered HTTP ${status} to embeddings with ${model}`, options);
  }
}
