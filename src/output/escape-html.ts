import { stripControlCharacters } from '../text/strip-control-characters.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Text from a paper or the model becomes inert text in HTML and XML alike (also attribute-safe in either quote style).
export function escapeHtml(text: string): string {
  // Controls and U+FFFE/U+FFFF are not allowed in XML 1.0: XML parsers reject them.
  return stripControlCharacters(text)
    .replace(/[\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
