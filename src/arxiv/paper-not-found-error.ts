import { PaperError } from '../errors/brief-error.js';

/** The arXiv API does not know the paper (or that version of it). */
export class PaperNotFoundError extends PaperError {
  constructor(paperId: string) {
    super(paperId, 'metadata', `not found on arXiv (check the ID at https://arxiv.org/abs/${paperId})`);
  }
}
