import { escapeHtml } from './escape-html.js';

// Stands in for the HTML while the message's own words are escaped: a private-use character no message contains, which escaping keeps.
const SLOT = '\uE000';

/** A message with HTML in its slot (a link, a list of links): the words escaped, the HTML, already safe, put in as it is. */
export function fillMessageHtml(message: (slot: string) => string, html: string): string {
  return escapeHtml(message(SLOT)).replace(SLOT, () => html);
}
