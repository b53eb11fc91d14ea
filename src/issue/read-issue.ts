import { BriefError } from '../errors/brief-error.js';
import { readStoredBrief } from '../output/brief-store.js';
import { readStoredStyle } from '../styles/style-store.js';
import type { Issue } from './issue.js';
import { readIssueRecord } from './issue-store.js';
import type { Period } from './period.js';

/** A written issue in `language` read back from its record and the stored texts; a clear error naming the command when it is not there. */
export async function readIssue(outputDir: string, period: Period, language: string): Promise<Issue> {
  const remake = `make it with \`summarize issue --${period.kind} ${period.key}${language === 'en' ? '' : ` --language ${language}`}\``;
  const record = await readIssueRecord(outputDir, period.key, language);
  if (!record) throw new BriefError(`no issue for ${period.title}${language === 'en' ? '' : ` in language ${language}`} in ${outputDir}: ${remake}`);
  const papers: Issue['papers'] = [];
  for (const entry of record.papers) {
    const brief = await readStoredBrief(outputDir, entry.id, entry.version, record.language);
    const text = brief && (await readStoredStyle(outputDir, brief.paper, record.style, record.language));
    if (!brief || !text) throw new BriefError(`the issue of ${period.title} shows ${entry.stem}, whose brief or ${record.style} is missing or no longer valid: ${remake} again`);
    papers.push({ brief, text, reason: entry.reason });
  }
  return { record, papers };
}
