import type { CheckResult, CheckStatus } from './check-result.js';

const SYMBOLS: Record<CheckStatus, string> = { ok: '✓', warning: '!', failed: '✗', skipped: '-' };

/** One check as terminal text: the verdict line, then each problem and the fix, indented. */
export function renderCheckLine(result: CheckResult): string {
  const lines = [`${SYMBOLS[result.status]} ${result.title}: ${result.message}`];
  for (const problem of result.problems ?? []) lines.push(`    - ${problem}`);
  if (result.fix) lines.push(`    fix: ${result.fix}`);
  return `${lines.join('\n')}\n`;
}
