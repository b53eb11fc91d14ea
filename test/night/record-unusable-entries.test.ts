import { describe, expect, it } from 'vitest';
import { recordUnusableEntries } from '../../src/night/record-unusable-entries.js';
import type { ProgressReporter } from '../../src/run/progress-reporter.js';

const silent: ProgressReporter = { start: () => undefined, paperEvent: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined, finish: () => undefined };
const collected = (kind: 'hf' | 'arxiv-announced' | 'file') => ({ notFound: ['2509.99999'], problems: [], source: { kind, detail: 'x', empty: false } });

describe('recordUnusableEntries', () => {
  it.each(['hf', 'arxiv-announced'] as const)('does not tell the reader to check an ID that %s listed', (kind) => {
    const [run] = recordUnusableEntries(collected(kind), silent);
    expect(run!.reason).toMatch(/not found by arXiv's API although .* lists it; it may not be indexed yet/);
    expect(run!.reason).not.toContain('check the ID');
  });

  it('tells the editor to check an ID they typed in a file', () => {
    expect(recordUnusableEntries(collected('file'), silent)[0]!.reason).toBe('not found on arXiv (check the ID at https://arxiv.org/abs/2509.99999)');
  });
});
