import { getMessages, type Messages } from '../language/messages.js';
import type { Edition } from './edition.js';

/** The words around an edition's briefs, in the language they were written in (a run writes all its briefs in one). */
export function editionMessages(edition: Pick<Edition, 'papers'>): Messages {
  return getMessages(editionLanguage(edition));
}

/** BCP 47 tag of the edition's briefs; English for an edition without papers or from before languages. */
export function editionLanguage(edition: Pick<Edition, 'papers'>): string {
  return edition.papers[0]?.brief.generation.language ?? 'en';
}
