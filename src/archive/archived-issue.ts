/** What the archive's index and feeds show of an issue of a month or week (an issue record fits it). */
export interface ArchivedIssue {
  /** `2025-09` or `2025-W37`. */
  period: string;
  /** BCP 47 tag of the issue's language; absent: English. */
  language?: string | undefined;
  title: string;
  papers: ReadonlyArray<{ stem: string; title: string }>;
  introduction: { text: string; generatedAt: string };
}

/** `2025-09`, `2025-09.zh`: the issue's files under `issues/` without their extension; one set per language, as briefs have. */
export function getIssueFileStem(issue: Pick<ArchivedIssue, 'period' | 'language'>): string {
  const language = issue.language ?? 'en';
  return language === 'en' ? issue.period : `${issue.period}.${language}`;
}
