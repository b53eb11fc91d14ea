import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { IssueRecord } from './issue-record.js';
import { readIssueRecord } from './issue-store.js';

// `2025-09.json`, `2025-W37.zh-Hans.json`: a record per period and language (not `2025-09.collected.json`).
const ISSUE_RECORD_NAME = /^(\d{4}-(?:\d{2}|W\d{2}))(?:\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*))?\.json$/;

/** Every written issue in every language, newest first (by when its introduction was written); unreadable records are left out. */
export async function listIssueRecords(outputDir: string): Promise<IssueRecord[]> {
  const names = await readdir(join(outputDir, 'issues')).catch(() => [] as string[]);
  const stored = names.flatMap((name) => {
    const match = ISSUE_RECORD_NAME.exec(name);
    return match ? [{ period: match[1]!, language: match[2] ?? 'en' }] : [];
  });
  const records = (await Promise.all(stored.map(({ period, language }) => readIssueRecord(outputDir, period, language)))).filter((record) => record !== null);
  return records.sort((left, right) => right.introduction.generatedAt.localeCompare(left.introduction.generatedAt));
}
