/** One paper of the bench's corpus; `category` is its topic (the arXiv primary category, or the stand-in's source PDF). */
export interface CorpusPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  category: string;
}
