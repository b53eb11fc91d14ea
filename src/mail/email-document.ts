import { escapeHtml } from '../output/escape-html.js';
import { EMAIL_HEAD_CSS, inlineEmailCss } from './email-css.js';

// Outlook desktop ignores max-width: a fixed 600 px table only it sees keeps the column from spanning the window.
const MSO_OPEN = '<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->';
const MSO_CLOSE = '<!--[if mso]></td></tr></table><![endif]-->';

/** The mail-safe page every email is built in: the head, the hidden preheader, and the 600 px column whose rows go between `open` and `close`; `language` is its `<html lang>`. */
export function renderEmailDocument(title: string, preheader: string, language = 'en'): { open: string; close: string } {
  const open = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${EMAIL_HEAD_CSS}</style>`,
    '</head>',
    inlineEmailCss('<body class="page"></body>').replace('</body>', ''),
    // What inboxes show after the subject.
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>`,
    inlineEmailCss('<table role="presentation" class="page" width="100%" cellpadding="0" cellspacing="0" border="0"></table>').replace('</table>', ''),
    '<tr><td align="center" style="padding:16px 8px;">',
    MSO_OPEN,
    inlineEmailCss('<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0"></table>').replace('</table>', ''),
  ].join('\n');
  return { open, close: ['</table>', MSO_CLOSE, '</td></tr>', '</table>', '</body>', '</html>', ''].join('\n') };
}

/** The empty row between cards. */
export const EMAIL_GAP_ROW = inlineEmailCss('<tr><td class="gap">&nbsp;</td></tr>');
