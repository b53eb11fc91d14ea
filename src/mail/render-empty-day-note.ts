import { escapeHtml } from '../output/escape-html.js';
import { inlineEmailCss } from './email-css.js';

/** The subject of the note when `SUMMARIZE_MAIL_SUBJECT` is not set. */
export function defaultNoteSubject(date: string): string {
  return `arXiv Brief — ${date}: no new papers`;
}

/** The note mailed on a day without an edition (SUMMARIZE_NOTIFY_EMPTY): its one line, as text and as a card like the edition's masthead. */
export function renderEmptyDayNote(date: string, line: string, { unsubscribe }: { unsubscribe?: string | undefined } = {}): { html: string; text: string } {
  const title = `arXiv Brief — ${date}`;
  const unsubscribeLink = unsubscribe ? ` <a href="${escapeHtml(unsubscribe)}">Unsubscribe</a>.` : '';
  const card = inlineEmailCss(
    `<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td class="card"><h1 class="masthead">${escapeHtml(title)}</h1><p class="kicker">${escapeHtml(line)}</p></td></tr><tr><td class="footer">arXiv Brief.${unsubscribeLink}</td></tr></table>`,
  );
  const html = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${escapeHtml(title)}</title>`, '</head>', '<body>', card, '</body>', '</html>', ''].join('\n');
  const text = `${title}\n${'='.repeat(title.length)}\n${line}\n${unsubscribe ? `--\nUnsubscribe: ${unsubscribe}\n` : ''}`;
  return { html, text };
}
