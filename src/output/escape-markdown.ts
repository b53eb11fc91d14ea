import { stripControlCharacters } from '../text/strip-control-characters.js';

/**
 * Makes untrusted text (titles, abstracts, model output) safe to place on one markdown line:
 * no HTML (`<`, `>`, `&` become entities), no links or images (`[`, `]` escaped, `<http…>` is
 * no longer an autolink), no `javascript:`-style URLs, no code spans or emphasis, and no block
 * syntax (heading, quote, list) at the start; newlines collapse to spaces.
 * Ordinary punctuation (`:`, `-`, `(`, `%`) mid-line stays as it is, and so do bare http(s) URLs,
 * which show their target and so cannot mislead. Control characters (NUL, C0, DEL, C1) are dropped.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/** Like escapeMarkdownInline for multi-line text: keeps line breaks and paragraphs, escapes each line. */
export function escapeMarkdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLine(line.replace(/\s+/g, ' ').trim()))
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

// --- internal ---

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// A zero-width space splits the scheme from its colon, so no renderer or linkifier sees a URL.
const ZERO_WIDTH_SPACE = '\u200B';

function escapeLine(line: string): string {
  // Invisible and meaningless in prose; NUL and friends break markdown tools and XML-based mail pipelines.
  const escaped = stripControlCharacters(line)
    .replace(/\\/g, '\\\\')
    .replace(/[&<>]/g, (character) => HTML_ENTITIES[character] ?? character)
    .replace(/[`*_[\]~|]/g, '\\$&')
    .replace(/\b(javascript|vbscript|data|file):(?=\S)/gi, `$1${ZERO_WIDTH_SPACE}:`);
  return escapeBlockStart(escaped);
}

// Headings, list items, setext underlines and ordered lists only exist at the start of a line.
function escapeBlockStart(line: string): string {
  return line.replace(/^[#+=-]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
