import { describeLanguageName } from '../language/describe-language-name.js';
import type { IssueRecord } from './issue-record.js';

/**
 * Why an issue must not replace the mailed one: readers got it with other papers or in another style, and its
 * page and record must stay what they got. Undefined when it would be the same issue.
 */
export function describeMailedIssueChange(mailed: IssueRecord, wanted: Pick<IssueRecord, 'period' | 'language' | 'style' | 'papers'>): string | undefined {
  const samePapers = mailed.papers.map((paper) => paper.stem).join('\n') === wanted.papers.map((paper) => paper.stem).join('\n');
  if (samePapers && mailed.style === wanted.style) return undefined;
  const instead = samePapers ? `in the ${wanted.style} style` : `with these ${wanted.papers.length} papers`;
  return `the issue ${wanted.period} in ${describeLanguageName(wanted.language)} was already mailed with ${mailed.papers.length} papers in the ${mailed.style} style: it is not rewritten ${instead}, so its page and record stay what readers got (an issue in another language is made beside it: --language)`;
}
