import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { getIssueFileStem } from '../archive/archived-issue.js';
import { writeFileSet } from '../output/write-file-set.js';
import type { Issue } from './issue.js';
import { type IssueRecord, IssueRecordSchema } from './issue-record.js';
import { renderIssueEmail } from './render-issue-email.js';
import { renderIssueMarkdown } from './render-issue-markdown.js';
import { renderIssuePage } from './render-issue-page.js';

/** `issues/<period>[.<language>].json|.md|.html|.email.html|.txt` under the output folder: one issue per period and language. */
export function getIssuePaths(outputDir: string, period: string, language: string) {
  const stem = join(outputDir, 'issues', getIssueFileStem({ period, language }));
  return { json: `${stem}.json`, markdown: `${stem}.md`, html: `${stem}.html`, emailHtml: `${stem}.email.html`, text: `${stem}.txt` };
}

/** `issue-2025-09`, `issue-2025-09.zh`: the name of the issue's send record (`mail/<key>.sent.json`) and of its Message-IDs. */
export function getIssueMailKey(period: string, language: string): string {
  return `issue-${getIssueFileStem({ period, language })}`;
}

/** The stored issue's record in that language, or null when there is none (or it is not ours: it is then written anew). */
export async function readIssueRecord(outputDir: string, period: string, language: string): Promise<IssueRecord | null> {
  try {
    const parsed = IssueRecordSchema.safeParse(JSON.parse(await readFile(getIssuePaths(outputDir, period, language).json, 'utf8')));
    return parsed.success && parsed.data.period === period && parsed.data.language === language ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Every form of the issue, replaced together as one set (a crash midway is finished by the next command, see
 * writeFileSet); the record last, so it only names a complete issue.
 */
export async function writeIssue(outputDir: string, issue: Issue, mail: { publicUrl?: string | undefined; unsubscribe?: string | undefined }) {
  const paths = getIssuePaths(outputDir, issue.record.period, issue.record.language);
  const email = renderIssueEmail(issue, mail);
  const files = [
    { path: paths.markdown, data: renderIssueMarkdown(issue) },
    { path: paths.html, data: renderIssuePage(issue) },
    { path: paths.emailHtml, data: email.html },
    { path: paths.text, data: email.text },
    { path: paths.json, data: `${JSON.stringify(issue.record, null, 2)}\n` },
  ];
  await writeFileSet(dirname(paths.json), files.map((file) => ({ name: basename(file.path), data: file.data })));
  return { paths, email };
}
