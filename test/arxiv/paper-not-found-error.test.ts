import { describe, expect, it } from 'vitest';
import { PaperNotFoundError } from '../../src/arxiv/paper-not-found-error.js';
import { PaperError } from '../../src/errors/brief-error.js';

describe('PaperNotFoundError', () => {
  it('is a metadata-stage paper error telling where to check the ID', () => {
    const error = new PaperNotFoundError('2509.99999');
    expect(error).toBeInstanceOf(PaperError);
    expect(error.stage).toBe('metadata');
    expect(error.paperId).toBe('2509.99999');
    expect(error.message).toBe('2509.99999: not found on arXiv (check the ID at https://arxiv.org/abs/2509.99999)');
  });
});
