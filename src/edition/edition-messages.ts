import { getMessages, type Messages } from '../language/messages.js';
import type { Edition } from './edition.js';

/** The words around an edition's briefs, in the language they were written in (a run writes all its briefs in one). */
export function editionMessages(edition: Pick<Edition, 'papers' | 'language'>): Messages {
  return getMessages(editionLanguage(edition));
}

/** BCP 47 tag of the edition's briefs (or its own, without papers); English for an edition from before languages. */
export function editionLanguage(edition: Pick<Edition, 'papers' | 'language'>): string {
  return edition.papers[0]?.brief.generation.language ?? edition.language ?? 'en';
}
