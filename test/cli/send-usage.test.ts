import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';

describe('summarize send: usage errors', () => {
  it.each([
    ['2025-13', '--issue: "2025-13" is not a month; expected YYYY-MM, e.g. 2025-09, or an ISO week, YYYY-Www, e.g. 2025-W37'],
    ['2025-W54', '--issue: "2025-W54" is not an ISO week; expected YYYY-Www from W01 to W52, e.g. 2025-W37, or a month, YYYY-MM, e.g. 2025-09'],
    ['September', '--issue: "September" is neither a month (YYYY-MM, e.g. 2025-09) nor an ISO week (YYYY-Www, e.g. 2025-W37)'],
  ])('--issue %s names --issue, the flag that was typed, with exit 2', async (value, message) => {
    const result = await runCliCaptured(['send', '--issue', value], {});

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`summarize: ${message}`);
    expect(result.stderr).not.toContain('--month');
    expect(result.stderr).not.toContain('--week');
  });
});
