/** How well one candidate fits the interests profile, and why, in words a reader understands. */
export type Relevance = { score: number; reason: string };

/** One entry of the interests profile: a topic in words, or an example paper's title and abstract. */
export type ProfileEntry = {
  label: string;
  text: string;
  /** The example paper's version, whose embedding is cached like a candidate's. */
  paper?: { id: string; version: number };
};
