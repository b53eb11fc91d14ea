import { escapeHtml } from '../output/escape-html.js';
import { getReaderPageMessages } from '../language/reader-page-messages.js';

/**
 * The paper page's 👍/👎 form, hidden and unsigned as published (the page is the same for everyone):
 * `assets/reader-feedback.js` signs and shows it for a reader who came from their email copy.
 */
export function renderReaderFeedbackForm(paperId: string, language: string, root: '' | '../'): string {
  const messages = getReaderPageMessages(language);
  const buttons = (['up', 'down'] as const).map((vote) => `<button type="submit" data-vote="${vote}">${escapeHtml(messages.feedbackButton(vote))}</button>`);
  // `/feedback` of `summarize serve`, beside the published folder, as the email's links reach it.
  return `<form class="reader-feedback" method="post" data-action="${root}feedback" data-paper="${escapeHtml(paperId)}" hidden>${buttons.join(' ')}</form>`;
}
