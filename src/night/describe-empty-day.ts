import type { CollectedPapers } from './collect-papers.js';

/** The one line readers get on a day without an edition (SUMMARIZE_NOTIFY_EMPTY): that the newsletter is alive, and why there is nothing. */
export function describeEmptyDay(date: string, collected: Pick<CollectedPapers, 'source'>, repeats: number): string {
  const why = collected.source.empty ? describeSilentSource(collected.source.kind, date) : repeats > 0 ? 'the papers on its list were all in earlier editions' : 'none of the papers on its list was chosen';
  return `No new papers on ${date}: ${why}. The next edition comes with the next list.`;
}

// --- internal ---

function describeSilentSource(kind: CollectedPapers['source']['kind'], date: string): string {
  if (kind === 'hf') return 'Hugging Face listed none';
  if (kind === 'arxiv' || kind === 'arxiv-announced') {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    // Sunday is 0, Saturday 6.
    return weekday === 0 || weekday === 6 ? 'arXiv announces nothing at weekends' : 'arXiv listed none in these categories';
  }
  return 'the list of papers was empty';
}
