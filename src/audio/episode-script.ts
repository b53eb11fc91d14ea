/** One speaker's turn, as the podcast style writes it. */
export interface SpokenTurn {
  speaker: string;
  text: string;
}

/** A chapter of the episode: the intro, one paper, the outro. */
export interface EpisodeSegment {
  title: string;
  /** The paper this segment tells, for the chapter's link; none for the intro and outro. */
  paperId?: string;
  turns: SpokenTurn[];
}

/** What is spoken, in order, with what the MP3's tags and the feed say about it. */
export interface EpisodeScript {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  author: string;
  segments: EpisodeSegment[];
  /** BCP 47 tag it is spoken in, for the transcript's punctuation; absent: English. */
  language?: string;
}
