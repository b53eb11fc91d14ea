/**
 * BibTeX field text as a person reads it: accents (`{\"o}`, `\'{e}`, `\v c`) and special letters (`\ss`, `{\o}`)
 * become Unicode, escapes (`\&`) their character, dashes and quotes typographic, Greek letters themselves, and
 * formatting commands (`\emph{…}`) and protecting braces vanish, keeping their text.
 */
export function latexToUnicode(text: string): string {
  return text
    .replace(SYMBOL_ACCENT, (_match, accent: string, ...letters: Array<string | undefined>) => accented(accent, letters.find((letter) => typeof letter === 'string') ?? ''))
    .replace(LETTER_ACCENT, (_match, accent: string, ...letters: Array<string | undefined>) => accented(accent, letters.find((letter) => typeof letter === 'string') ?? ''))
    .replace(/\\href\s*\{[^{}]*\}/g, '')
    .replace(/\\([A-Za-z]+)(?![A-Za-z])\s*(\{\})?/g, (match, name: string) => SYMBOLS[name] ?? (FORMATTING.has(name) ? '' : match))
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/\\\\/g, ' ')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/(?<!\\)~/g, ' ')
    .replace(/(?<!\\)[{}$]/g, '')
    .replace(/\\([A-Za-z]+)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

// --- internal ---

// `\"o`, `\"{o}`, `{\"\i}`: a one-character accent command before a letter, braced or not.
const SYMBOL_ACCENT = /\\([`'^"~=.])\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij])(?![A-Za-z])\s*|([A-Za-z]))/g;
// `\v{c}`, `\v c`: a one-letter accent command needs braces or a space before its letter.
const LETTER_ACCENT = /\\([uvHckrdbt])(?:\s*\{\s*(\\[ij]|[A-Za-z])\s*\}|\s+([A-Za-z]))/g;

const COMBINING_MARKS: Record<string, string> = {
  '`': '\u0300', "'": '\u0301', '^': '\u0302', '~': '\u0303', '=': '\u0304', u: '\u0306', '.': '\u0307', '"': '\u0308',
  r: '\u030a', H: '\u030b', v: '\u030c', d: '\u0323', c: '\u0327', k: '\u0328', b: '\u0331', t: '\u0361',
};

function accented(accent: string, letter: string): string {
  // An accent on a dotless \i or \j sits on i or j.
  const base = letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter;
  return `${base}${COMBINING_MARKS[accent] ?? ''}`;
}

const SYMBOLS: Record<string, string> = {
  ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', o: 'ø', O: 'Ø', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', textendash: '–', textemdash: '—', textquoteright: '’', textquoteleft: '‘',
  ldots: '…', dots: '…', textellipsis: '…', LaTeX: 'LaTeX', TeX: 'TeX', times: '×', cdot: '·', pm: '±', infty: '∞', leq: '≤', geq: '≥', to: '→', rightarrow: '→',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ',
  mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

// Commands that only style their argument: the argument's text stays.
const FORMATTING = new Set(['emph', 'textit', 'textbf', 'textsc', 'texttt', 'textrm', 'textsf', 'textup', 'textnormal', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'boldsymbol', 'mbox', 'text', 'url', 'uppercase', 'lowercase', 'relax', 'noopsort']);
