import type { PaperMetadata } from '../brief/brief-schema.js';

// arXiv's own wording for a withdrawal, in the comment of the withdrawn version and often its abstract.
const WITHDRAWN = /\b(?:this (?:paper|article|submission|manuscript|preprint|version|work) (?:has been|is|was) withdrawn|withdrawn by (?:the )?(?:author|arxiv|admin))/i;

/** True for a version its authors (or arXiv) withdrew: its text is a notice, not a paper to brief. */
export function isWithdrawn(paper: Pick<PaperMetadata, 'comment' | 'abstract'>): boolean {
  return WITHDRAWN.test(paper.comment ?? '') || WITHDRAWN.test(paper.abstract.slice(0, 300));
}
