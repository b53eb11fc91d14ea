const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Text from a paper or the model becomes inert text in HTML and XML alike (also attribute-safe in either quote style).
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '') // not allowed in XML 1.0; XML parsers reject them
    .replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
