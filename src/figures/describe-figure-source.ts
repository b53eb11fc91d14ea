import { getMessages } from '../language/messages.js';

/** The provenance line of a text's figures: where they came from, or why there are none, in the text's language. */
export function describeFigureSource(source: 'html' | 'pdf' | 'none', language?: string): string {
  const messages = getMessages(language);
  if (source === 'html') return messages.figuresFromHtml;
  if (source === 'pdf') return messages.figuresFromPdf;
  return messages.figuresNone;
}
