import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief } from '../brief/brief-schema.js';
import { getBriefFileStem, inspectStoredBrief } from '../output/brief-store.js';
import { listEditionDates, readDigestIndex } from '../output/digest-store.js';
import { readCollectedPapers } from './collected-papers-store.js';
import { isDayInPeriod, type Period } from './period.js';

/** A brief of the period: from the first edition that showed it (or the period's collection), with why it was picked. */
export interface PeriodBrief {
  brief: Brief;
  /** YYYY-MM-DD of the first edition in the period that showed it; the period's first day for a collected paper. */
  date: string;
  reason?: string | undefined;
}

/**
 * The briefs already stored for a period: every paper of the daily editions dated in it, then the papers
 * `nightly --month/--week` collected for it; each paper once, in the language asked for. Papers without a
 * stored brief in that language are left out and counted, never summarized here; one cut short or no longer valid
 * is left out too, and named in `damaged` with the command that rebuilds it.
 */
export async function collectPeriodBriefs(outputDir: string, period: Period, language: string): Promise<{ briefs: PeriodBrief[]; missing: number; damaged: string[] }> {
  const dates = (await listEditionDates(outputDir)).filter((date) => isDayInPeriod(date, period));
  const listed: Array<{ id: string; version: number; date: string; reason?: string | undefined }> = [];
  for (const date of dates) for (const paper of (await readDigestIndex(outputDir, date)).papers) listed.push({ ...paper, date });
  for (const paper of await readCollectedPapers(outputDir, period.key)) listed.push({ ...paper, date: period.first });

  const seen = new Set<string>();
  const briefs: PeriodBrief[] = [];
  let missing = 0;
  const damaged: string[] = [];
  for (const paper of listed) {
    const stem = toFileStem(paper.id, paper.version);
    if (seen.has(stem)) continue;
    seen.add(stem);
    const stored = await inspectStoredBrief(outputDir, paper.id, paper.version, language);
    if (stored.state === 'stored') briefs.push({ brief: stored.brief, date: paper.date, ...(paper.reason === undefined ? {} : { reason: paper.reason }) });
    else if (stored.state === 'missing') missing += 1;
    else damaged.push(`papers/${getBriefFileStem(paper.id, paper.version, language)}.json ${stored.problem}; rebuild it with \`summarize ${stem}${language === 'en' ? '' : ` --language ${language}`}\``);
  }
  return { briefs, missing, damaged };
}
