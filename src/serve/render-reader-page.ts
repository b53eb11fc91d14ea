import { escapeHtml } from '../output/escape-html.js';

/** A page of the server for a reader: a heading, a few lines, and at most one form with one button. */
export interface ReaderPage {
  /** BCP 47 tag of the page's language. */
  language: string;
  siteName: string;
  title: string;
  lines: string[];
  form?: { action: string; button: string; hidden?: Record<string, string>; fields?: ReaderPageField[] };
  /** A link home, to the archive. */
  back?: { href: string; text: string };
}

export type ReaderPageField = { name: string; label: string; type: 'email' } | { name: string; label: string; type: 'select'; options: Array<[string, string]>; selected: string };

/** The page as HTML: no script, styles inline (the Content-Security-Policy allows nothing else), readable on a phone. */
export function renderReaderPage(page: ReaderPage): string {
  const form = page.form;
  const formHtml =
    form === undefined
      ? ''
      : `<form method="post" action="${escapeHtml(form.action)}">
${Object.entries(form.hidden ?? {})
  .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
  .join('\n')}
${(form.fields ?? []).map(renderField).join('\n')}
<button type="submit">${escapeHtml(form.button)}</button>
</form>`;
  return `<!doctype html>
<html lang="${escapeHtml(page.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)} · ${escapeHtml(page.siteName)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="site">${escapeHtml(page.siteName)}</p>
<h1>${escapeHtml(page.title)}</h1>
${page.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
${formHtml}
${page.back ? `<p class="back"><a href="${escapeHtml(page.back.href)}">${escapeHtml(page.back.text)}</a></p>` : ''}
</main>
</body>
</html>
`;
}

// --- internal ---

const STYLE =
  'body{font:17px/1.5 system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}main{max-width:34rem;margin:3rem auto;padding:0 1rem}' +
  '.site{color:#475569;font-weight:600}h1{font-size:1.5rem}label{display:block;margin:1rem 0 .25rem}input,select{font:inherit;padding:.5rem;width:100%;box-sizing:border-box}' +
  'button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;background:#1d4ed8;color:#fff;border:0;border-radius:.4rem;cursor:pointer}a{color:#1d4ed8}.back{margin-top:2rem}';

function renderField(field: ReaderPageField): string {
  const id = `field-${field.name}`;
  const label = `<label for="${id}">${escapeHtml(field.label)}</label>`;
  if (field.type === 'email') return `${label}\n<input id="${id}" name="${escapeHtml(field.name)}" type="email" required autocomplete="email">`;
  const options = field.options.map(([value, text]) => `<option value="${escapeHtml(value)}"${value === field.selected ? ' selected' : ''}>${escapeHtml(text)}</option>`).join('');
  return `${label}\n<select id="${id}" name="${escapeHtml(field.name)}">${options}</select>`;
}
