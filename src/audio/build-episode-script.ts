import type { EpisodeScript, SpokenTurn } from './episode-script.js';

export interface EpisodePaper {
  paperId: string;
  title: string;
  turns: SpokenTurn[];
}

/**
 * The day's episode: an intro naming the day and the papers, each paper's segment in rank order, an
 * outro. Intro and outro are written here, not by the model: they only list what follows, and cost nothing.
 */
export function buildEpisodeScript(input: { date: string; showTitle: string; hosts: readonly string[]; papers: readonly EpisodePaper[] }): EpisodeScript {
  const { date, showTitle, hosts, papers } = input;
  const host = hosts[0]!;
  const day = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const count = papers.length === 1 ? 'one paper' : `${papers.length} papers`;
  const guest = hosts.length > 1 ? ` With me is ${hosts[1]}.` : '';
  const listing = papers.map((paper, index) => `${index === 0 ? 'First' : index === papers.length - 1 ? 'And finally' : 'Then'}, ${toSpokenTitle(paper.title)}.`).join(' ');
  return {
    title: `${showTitle}: ${date}`,
    date,
    author: showTitle,
    segments: [
      { title: 'Welcome', turns: [{ speaker: host, text: `Hello and welcome to ${showTitle} for ${day}.${guest} Today we have ${count}. ${listing}` }] },
      ...papers.map((paper) => ({ title: paper.title, paperId: paper.paperId, turns: paper.turns })),
      { title: 'Goodbye', turns: [{ speaker: host, text: `That is all for ${day}. The briefs, with links to every paper, are in today's edition. Thank you for listening.` }] },
    ],
  };
}

// --- internal ---

// Titles carry TeX ($O(n)$, \emph{...}) that a speech engine would spell out.
function toSpokenTitle(title: string): string {
  return title.replace(/\\[a-zA-Z]+/g, '').replace(/[${}_^\\]/g, '').replace(/\s+/g, ' ').trim();
}
