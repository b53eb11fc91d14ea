import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { Brief } from '../brief/brief-schema.js';
import { formatAuthors } from '../output/format-authors.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';

/** The line under a paper's title in an issue: who wrote it and where it is on arXiv. */
export interface PaperByline {
  /** "A, B, C et al." */
  authors: string;
  /** `arXiv:2509.08721v2` */
  arxivLabel: string;
  /** The abstract page, https on arXiv's own hosts. */
  arxivUrl: string;
}

// One rule for the page, the markdown and the email, so a reader finds the same line in each.
export function toPaperByline(brief: Brief): PaperByline {
  const label = formatArxivId(brief.paper);
  return {
    authors: formatAuthors(brief.paper.authors, brief.generation.language),
    arxivLabel: `arXiv:${label}`,
    arxivUrl: safeUrl(brief.paper.absUrl, ARXIV_HOSTS) ?? `https://arxiv.org/abs/${label}`,
  };
}
