import type { Edition } from '../edition/edition.js';
import { writeReaderCopies } from '../readers/reader-copies-store.js';
import type { ReaderCopiesPlan } from './rank-reader-copies.js';

/**
 * Records each reader's picks that made it into the edition (a paper that failed has no brief to show), for `send`
 * and `readers explain`; a night without readers' copies removes an earlier record, so nobody gets a stale copy.
 */
export async function recordReaderCopies(outputDir: string, edition: Edition, plan: ReaderCopiesPlan | undefined): Promise<void> {
  const inEdition = new Set(edition.papers.map((paper) => paper.brief.paper.id));
  const copies = new Map([...(plan?.copies ?? [])].map(([address, picks]) => [address, picks.filter((pick) => inEdition.has(pick.paperId))]));
  await writeReaderCopies(outputDir, edition.date, copies, plan?.sharedReasons ?? new Map());
}
