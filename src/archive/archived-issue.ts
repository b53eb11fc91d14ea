/** What the archive's index and feeds show of an issue of a month or week (an issue record fits it). */
export interface ArchivedIssue {
  /** `2025-09` or `2025-W37`: the page is `issues/<period>.html`. */
  period: string;
  title: string;
  papers: ReadonlyArray<{ stem: string; title: string }>;
  introduction: { text: string; generatedAt: string };
}
