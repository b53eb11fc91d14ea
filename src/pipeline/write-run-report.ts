import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { type RunReport, RunReportSchema } from './run-report.js';

/**
 * Validates `report` and writes it to `<outputDir>/runs/<startedAt>.json` (e.g.
 * `2026-11-22T02-00-01Z.json`, colons being unsafe in file names on some systems); returns the path.
 * A second run started in the same second gets the run ID appended rather than overwriting the first.
 * `secrets` (and key-shaped text) are redacted from every field: reasons quote servers.
 */
export async function writeRunReport(outputDir: string, report: RunReport, secrets: readonly string[] = []): Promise<string> {
  const parsed = RunReportSchema.safeParse(report);
  // An invalid report is our bug, not the user's: fail loudly with the issues.
  if (!parsed.success) throw new Error(`run report does not match its schema:\n${z.prettifyError(parsed.error)}`);
  const stem = runReportStem(parsed.data.startedAt);
  let path = join(outputDir, 'runs', `${stem}.json`);
  if (await exists(path)) path = join(outputDir, 'runs', `${stem}-${parsed.data.runId.replace(/[^\w.-]/g, '_')}.json`);
  await writeFileAtomic(path, redactSecrets(`${JSON.stringify(parsed.data, null, 2)}\n`, secrets));
  return path;
}

/** `2026-11-22T02:00:01.234Z` → `2026-11-22T02-00-01Z`: sorts by time, safe on every filesystem. */
export function runReportStem(startedAt: string): string {
  return new Date(startedAt).toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

// --- internal ---

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
