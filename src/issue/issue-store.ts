import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { Issue } from './issue.js';
import { type IssueRecord, IssueRecordSchema } from './issue-record.js';
import { renderIssueEmail } from './render-issue-email.js';
import { renderIssueMarkdown } from './render-issue-markdown.js';
import { renderIssuePage } from './render-issue-page.js';

/** `issues/<period>.json|.md|.html|.email.html|.txt` under the output folder. */
export function getIssuePaths(outputDir: string, period: string) {
  const stem = join(outputDir, 'issues', period);
  return { json: `${stem}.json`, markdown: `${stem}.md`, html: `${stem}.html`, emailHtml: `${stem}.email.html`, text: `${stem}.txt` };
}

/** The stored issue's record, or null when there is none (or it is not ours: it is then written anew). */
export async function readIssueRecord(outputDir: string, period: string): Promise<IssueRecord | null> {
  try {
    const parsed = IssueRecordSchema.safeParse(JSON.parse(await readFile(getIssuePaths(outputDir, period).json, 'utf8')));
    return parsed.success && parsed.data.period === period ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every form of the issue, each written atomically; the record last, so it only exists for a complete issue. */
export async function writeIssue(outputDir: string, issue: Issue, mail: { publicUrl?: string | undefined; unsubscribe?: string | undefined }) {
  const paths = getIssuePaths(outputDir, issue.record.period);
  const email = renderIssueEmail(issue, mail);
  await writeFileAtomic(paths.markdown, renderIssueMarkdown(issue));
  await writeFileAtomic(paths.html, renderIssuePage(issue));
  await writeFileAtomic(paths.emailHtml, email.html);
  await writeFileAtomic(paths.text, email.text);
  await writeFileAtomic(paths.json, `${JSON.stringify(issue.record, null, 2)}\n`);
  return { paths, email };
}
