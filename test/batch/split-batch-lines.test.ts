import { describe, expect, it } from 'vitest';
import { BATCH_LIMITS, splitBatchLines } from '../../src/batch/split-batch-lines.js';

describe('splitBatchLines', () => {
  it("keeps OpenAI's limits by default: 50,000 lines and 200 MB a file", () => {
    expect(BATCH_LIMITS).toEqual({ maxLines: 50_000, maxBytes: 200 * 1024 * 1024 });
    const lines = Array.from({ length: 50_001 }, (_, index) => `{"custom_id":"${index}"}`);
    expect(splitBatchLines(lines).map((file) => file.length)).toEqual([50_000, 1]);
  });

  it('starts a new file before a line that would pass the byte limit, counting each newline and multi-byte character', () => {
    // Each line is 5 bytes of UTF-8 (é is 2) plus its newline: two fit in 12 bytes, a third does not.
    const lines = ['ééa', 'ééb', 'ééc'];
    expect(splitBatchLines(lines, { maxLines: 100, maxBytes: 12 })).toEqual([['ééa', 'ééb'], ['ééc']]);
    expect(splitBatchLines(lines, { maxLines: 100, maxBytes: 11 })).toEqual([['ééa'], ['ééb'], ['ééc']]);
  });

  it('keeps the order and never splits a line, even one larger than the limit', () => {
    expect(splitBatchLines(['a-very-long-line', 'b'], { maxLines: 100, maxBytes: 4 })).toEqual([['a-very-long-line'], ['b']]);
    expect(splitBatchLines([], { maxLines: 1, maxBytes: 1 })).toEqual([]);
  });
});
