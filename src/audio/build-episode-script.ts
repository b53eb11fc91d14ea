import { getMessages } from '../language/messages.js';
import { getPodcastPhrases } from '../language/podcast-phrases.js';
import type { EpisodeScript, SpokenTurn } from './episode-script.js';

export interface EpisodePaper {
  paperId: string;
  title: string;
  turns: SpokenTurn[];
}

/**
 * The day's episode: an intro naming the day and the papers, each paper's segment in rank order, an
 * outro, in the edition's language. Intro and outro are written here, not by the model: they only list what follows, and cost nothing.
 */
export function buildEpisodeScript(input: { date: string; showTitle: string; hosts: readonly string[]; papers: readonly EpisodePaper[]; language?: string | undefined }): EpisodeScript {
  const { date, showTitle, hosts, papers } = input;
  const language = input.language ?? 'en';
  const phrases = getPodcastPhrases(language);
  const host = hosts[0]!;
  const day = new Date(`${date}T12:00:00Z`).toLocaleDateString(language === 'en' ? 'en-GB' : language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const guest = hosts.length > 1 ? ` ${phrases.guest(hosts[1]!)}` : '';
  // The language's own comma and full stop: no ASCII comma in Chinese.
  const { comma, fullStop, welcomeChapter, goodbyeChapter } = getMessages(language);
  const listing = papers.map((paper, index) => `${index === 0 ? phrases.first : index === papers.length - 1 ? phrases.last : phrases.then}${comma}${toSpokenTitle(paper.title)}${fullStop}`).join(' ');
  return {
    // What is inside, as podcast apps ask of a title; the feed and the player show the show and the date beside it.
    title: phrases.episodeTitle(toSpokenTitle(papers[0]?.title ?? showTitle), Math.max(0, papers.length - 1)),
    date,
    author: showTitle,
    language,
    segments: [
      { title: welcomeChapter, turns: [{ speaker: host, text: `${phrases.welcome(showTitle, day)}${guest} ${phrases.count(papers.length)} ${listing}` }] },
      ...papers.map((paper) => ({ title: paper.title, paperId: paper.paperId, turns: paper.turns })),
      { title: goodbyeChapter, turns: [{ speaker: host, text: phrases.goodbye(day) }] },
    ],
  };
}

// --- internal ---

// Titles carry TeX ($O(n)$, \emph{...}) that a speech engine would spell out.
function toSpokenTitle(title: string): string {
  return title.replace(/\\[a-zA-Z]+/g, '').replace(/[${}_^\\]/g, '').replace(/\s+/g, ' ').trim();
}
