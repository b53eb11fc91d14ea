import { parseArxivId } from '../arxiv/parse-arxiv-id.js';

/**
 * The first arXiv ID (without its version) that one of `texts` names as such: an arxiv.org URL, `arXiv:2104.08821`,
 * the DOI `10.48550/arXiv.2104.08821`; or, when `bare` (a BibTeX `eprint` field), the ID alone.
 */
export function findArxivId(texts: ReadonlyArray<string | undefined>, options: { bare?: boolean } = {}): string | null {
  for (const text of texts) {
    if (text === undefined) continue;
    const candidates = [...text.matchAll(MARKED_ID)].map((match) => match[1]!);
    if (options.bare) candidates.push(text.trim());
    for (const candidate of candidates) {
      const id = toArxivId(candidate);
      if (id !== null) return id;
    }
  }
  return null;
}

// --- internal ---

// An ID after arxiv.org/abs/, arxiv.org/pdf/, "arXiv:", "arXiv." (the DOI form) or "arXiv " (as in a note).
const MARKED_ID = /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv[:.\s]\s*)([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?/gi;

function toArxivId(candidate: string): string | null {
  try {
    return parseArxivId(candidate).id;
  } catch {
    // Not an arXiv ID after all (a month 13, too few digits): the item simply has none.
    return null;
  }
}
