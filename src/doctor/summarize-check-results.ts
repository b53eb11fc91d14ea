import type { CheckResult } from './check-result.js';

/** Whether the setup is fit to run (warnings do not block it) and a closing line saying so, naming the command as typed (`arxiv-brief`). */
export function summarizeCheckResults(results: readonly CheckResult[], program = 'summarize'): { ok: boolean; line: string } {
  const failed = results.filter((result) => result.status === 'failed').length;
  const warnings = results.filter((result) => result.status === 'warning').length;
  const warningText = warnings === 0 ? '' : `, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (failed === 0) return { ok: true, line: `All checks passed${warningText}.\n` };
  return { ok: false, line: `${failed} check${failed === 1 ? '' : 's'} failed${warningText}: fix ${failed === 1 ? 'it' : 'them'} and run \`${program} doctor\` again.\n` };
}
