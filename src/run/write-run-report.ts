import { access, open } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { OutputWriteError } from '../output/output-write-error.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { type RunReport, RunReportSchema } from './run-report.js';

// Room kept in the reserved report: a header, and each paper's entry with a long failure reason.
const RESERVED_BASE_BYTES = 8 * 1024;
const RESERVED_BYTES_PER_PAPER = 2 * 1024;

/**
 * Writes the report of a run that is starting (status `running`) to `<outputDir>/runs/<startedAt>.json`,
 * padded to room for `papers` entries, so the final report fits in place even on a disk that fills up meanwhile.
 * A second run started in the same second gets the run ID appended rather than overwriting the first.
 * `secrets` (and key-shaped text) are redacted from every field: reasons quote servers.
 */
export async function reserveRunReport(outputDir: string, report: RunReport, papers: number, secrets: readonly string[] = []): Promise<string> {
  const json = serialize(report, secrets);
  const stem = runReportStem(report.startedAt);
  let path = join(outputDir, 'runs', `${stem}.json`);
  if (await exists(path)) path = join(outputDir, 'runs', `${stem}-${report.runId.replace(/[^\w.-]/g, '_')}.json`);
  const size = Math.max(Buffer.byteLength(json), RESERVED_BASE_BYTES + papers * RESERVED_BYTES_PER_PAPER);
  await writeFileAtomic(path, json + ' '.repeat(size - Buffer.byteLength(json)));
  return path;
}

/**
 * Replaces the report at `path` (from reserveRunReport) with the final one; when the disk refuses a new file,
 * writes over the reserved bytes instead (JSON allows the trailing spaces).
 */
export async function writeRunReport(path: string, report: RunReport, secrets: readonly string[] = []): Promise<string> {
  const json = serialize(report, secrets);
  try {
    await writeFileAtomic(path, json);
  } catch (error) {
    if (!(error instanceof OutputWriteError)) throw error;
    await overwriteInPlace(path, json, error);
  }
  return path;
}

/** `2026-11-22T02:00:01.234Z` → `2026-11-22T02-00-01Z`: sorts by time, safe on every filesystem. */
export function runReportStem(startedAt: string): string {
  return new Date(startedAt).toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

// --- internal ---

function serialize(report: RunReport, secrets: readonly string[]): string {
  const parsed = RunReportSchema.safeParse(report);
  // An invalid report is our bug, not the user's: fail loudly with the issues.
  if (!parsed.success) throw new Error(`run report does not match its schema:\n${z.prettifyError(parsed.error)}`);
  return redactSecrets(`${JSON.stringify(parsed.data, null, 2)}\n`, secrets);
}

async function overwriteInPlace(path: string, json: string, original: OutputWriteError): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r+');
    const { size } = await handle.stat();
    // Only the reserved blocks are used: a longer report would need space the disk does not have.
    if (Buffer.byteLength(json) > size) throw original;
    await handle.write(json + ' '.repeat(size - Buffer.byteLength(json)), 0, 'utf8');
    await handle.sync();
  } catch (error) {
    throw error instanceof OutputWriteError ? error : new OutputWriteError(path, error);
  } finally {
    await handle?.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
