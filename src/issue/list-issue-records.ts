import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { IssueRecord } from './issue-record.js';
import { readIssueRecord } from './issue-store.js';

/** Every written issue, newest first (by when its introduction was written); unreadable records are left out. */
export async function listIssueRecords(outputDir: string): Promise<IssueRecord[]> {
  const periods = (await readdir(join(outputDir, 'issues')).catch(() => [] as string[]))
    .filter((name) => /^\d{4}-(\d{2}|W\d{2})\.json$/.test(name))
    .map((name) => name.slice(0, -'.json'.length));
  const records = (await Promise.all(periods.map((period) => readIssueRecord(outputDir, period)))).filter((record) => record !== null);
  return records.sort((left, right) => right.introduction.generatedAt.localeCompare(left.introduction.generatedAt));
}
