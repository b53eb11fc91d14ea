import type { Brief } from '../brief/brief-schema.js';
import type { StyleResult } from '../brief/style-result-schema.js';
import type { IssueRecord } from './issue-record.js';
import { getMessages } from '../language/messages.js';

/** An issue ready to render: its record, and each paper with its brief and its text in the issue's style. */
export interface Issue {
  record: IssueRecord;
  papers: Array<{ brief: Brief; text: StyleResult; reason?: string | undefined }>;
}

/** "Written by gpt-5-mini on 2025-10-01.": the issue's closing line, in its language (the models joined as it joins a list). */
export function describeIssueAuthorship(issue: Issue): string {
  const { language } = issue.record;
  const models = [...new Set([issue.record.introduction.model, ...issue.papers.map((paper) => paper.text.generation.model)])];
  const joined = new Intl.ListFormat(language, { type: 'conjunction' }).format(models);
  return getMessages(language).writtenBy(joined, issue.record.introduction.generatedAt.slice(0, 10));
}
