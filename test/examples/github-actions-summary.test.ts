import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/run/run-report.js';

const WORKFLOW = fileURLToPath(new URL('../../examples/github-actions-nightly.yml', import.meta.url));

// The job summary's script, exactly as the workflow runs it.
async function summaryScript(): Promise<string> {
  const workflow = await readFile(WORKFLOW, 'utf8');
  const script = /node -e '\n([\s\S]*?)\n\s*' "\$report" >> "\$GITHUB_STEP_SUMMARY"/.exec(workflow)?.[1];
  if (!script) throw new Error('the job summary script is missing from the workflow');
  return script;
}

const report: RunReport = {
  schemaVersion: 1,
  runId: 'run-1',
  command: 'nightly',
  startedAt: '2025-09-12T02:00:00.000Z',
  finishedAt: '2025-09-12T02:10:00.000Z',
  durationMs: 600_000,
  date: '2025-09-11',
  source: { kind: 'hf', detail: 'http://127.0.0.1/api/daily_papers', empty: false },
  options: { model: 'gpt-5-mini', promptVersion: 'v1', dryRun: false },
  status: 'stopped',
  stopReason: 'arxiv-refused',
  papers: [
    { id: '2509.10001', outcome: 'summarized', durations: { totalMs: 1 } },
    { id: '2509.10002', outcome: 'failed', stage: 'download', reason: 'arXiv answered HTTP 403', durations: { totalMs: 1 } },
  ],
  totals: { papers: 2, summarized: 1, skipped: 0, failed: 1, notStarted: 0, inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, costUsd: 0.01, costUnknown: false },
  publish: { ok: false, detail: 'the output folder is read-only' },
  outcome: 'partial',
};

describe('the GitHub Actions example’s job summary', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('shows the run’s outcome and exit code, why it stopped, and a failed publish', async () => {
    folder = await mkdtemp(join(tmpdir(), 'actions-summary-'));
    const reportPath = join(folder, 'report.json');
    await writeFile(reportPath, JSON.stringify(report));
    const summary = execFileSync(process.execPath, ['-e', await summaryScript(), reportPath], { encoding: 'utf8' });
    expect(summary).toContain('### Briefs for 2025-09-11: partial (exit 3)');
    expect(summary).toContain('arxiv-refused');
    expect(summary).toContain('publish failed: the output folder is read-only');
    expect(summary).toContain('- 2509.10002 (download): arXiv answered HTTP 403');
    expect(summary).not.toContain('undefined');
  });
});
