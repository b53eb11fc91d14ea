/** One number as written in a text, with the value it stands for. */
export interface NumberMention {
  /** As written, unit included: "94.2%", "3,000", "7B", "1.5×", "10^6". */
  text: string;
  /** Offset of `text` in the scanned string. */
  index: number;
  /** Magnitude with scale and exponent applied, sign dropped: "7B" → 7e9, "−0.5" → 0.5, "94%" → 94. */
  value: number;
  /** Half a unit of the last written digit, in the units of `value`: "94.2" → 0.05, "3k" → 500. */
  tolerance: number;
  unit: 'percent' | 'times' | 'plain';
  /** A plain integer without decimals, unit, scale or exponent ("12"): possibly just a count. */
  isBareInteger: boolean;
  /** "10^6" as PDF text often shows it once the superscript is flattened: 106. */
  flattenedPower?: number;
}

// Same-length substitutions only, so offsets stay valid in the original text.
const SAME_LENGTH_REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, '-'],
  [/[\u00A0\u2007\u2009\u202F]/g, '\u2009'],
  [/[\u00D7\u2715\u2716]/g, '×'],
];

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const SCALE_BY_WORD: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

// Groups: 1 comma/thin-space grouped or plain integer part, 2 decimals, 3 leading-dot decimals,
// 4 "× 10^" exponent, 5 same in superscript, 6 "^" power, 7 superscript power, 8 e-notation exponent, 9 unit suffix.
const NUMBER_PATTERN = new RegExp(
  [
    '(?<![\\d.])',
    '(?:(\\d{1,3}(?:,\\d{3})+(?![\\d])|\\d{1,3}(?:\\u2009\\d{3})+(?![\\d])|\\d+)(?:\\.(\\d+))?|(?<![\\p{L}\\d])\\.(\\d+))',
    '(?:',
    `\\s?[×x*·]\\s?10\\s?(?:\\^\\s?\\{?\\s?(-?\\d+)\\s?\\}?|([⁻${SUPERSCRIPT_DIGITS}]+))`,
    '|\\^\\s?\\{?\\s?(-?\\d+)\\s?\\}?',
    `|([⁻${SUPERSCRIPT_DIGITS}]+)`,
    '|[eE]([+-]?\\d+)(?![\\p{L}\\d])',
    ')?',
    '(',
    '\\s?(?:%|percent(?:age points?)?\\b|per\\s?cent\\b|pct\\b|pp\\b|p\\.p\\.)',
    '|\\s?(?:×|x(?![\\p{L}\\d])|-?fold\\b|times\\b)',
    '|(?:[kKMBbT]|bn|mn)(?![\\p{L}\\d])',
    '|\\s(?:[KMBT])(?![\\p{L}\\d])',
    '|\\s(?:thousand|million|billion|trillion)\\b',
    ')?',
  ].join(''),
  'gu',
);

/** Every number in `text` with its value; no judgement about which ones carry a claim. */
export function scanNumbers(text: string): NumberMention[] {
  const normalized = normalizeForNumbers(text);
  const mentions: NumberMention[] = [];
  for (const match of normalized.matchAll(NUMBER_PATTERN)) {
    const mention = toMention(match, text);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

/** Replaces look-alike characters (unicode minus, thin spaces, ×) one for one. */
export function normalizeForNumbers(text: string): string {
  let normalized = text;
  for (const [pattern, replacement] of SAME_LENGTH_REPLACEMENTS) normalized = normalized.replace(pattern, replacement);
  return normalized;
}

// --- internal ---

function toMention(match: RegExpMatchArray, original: string): NumberMention | undefined {
  const [
    whole,
    integerPart,
    decimals,
    leadingDotDecimals,
    timesTenExponent,
    timesTenSuperscript,
    caretExponent,
    superscript,
    eExponent,
    suffix,
  ] = match;
  const index = match.index ?? 0;
  const digits = integerPart === undefined ? `0.${leadingDotDecimals}` : `${integerPart.replace(/[,\u2009]/g, '')}${decimals ? `.${decimals}` : ''}`;
  const mantissa = Number(digits);
  if (!Number.isFinite(mantissa)) return undefined;
  const decimalCount = (decimals ?? leadingDotDecimals ?? '').length;
  let value = mantissa;
  let tolerance = 0.5 * 10 ** -decimalCount;
  let flattenedPower: number | undefined;
  const exponentText =
    timesTenExponent ??
    (timesTenSuperscript ? fromSuperscript(timesTenSuperscript) : undefined) ??
    caretExponent ??
    (superscript ? fromSuperscript(superscript) : undefined) ??
    eExponent;
  if (exponentText !== undefined) {
    const exponent = Number(exponentText);
    if (!Number.isFinite(exponent)) return undefined;
    value = caretExponent !== undefined || superscript !== undefined ? mantissa ** exponent : mantissa * 10 ** exponent;
    tolerance = Math.abs(value) * 1e-9;
    if (exponent >= 0 && integerPart !== undefined && decimals === undefined && (caretExponent ?? superscript) !== undefined) {
      flattenedPower = Number(`${integerPart}${exponent}`);
    }
  }
  const unit = classifyUnit(suffix);
  const scale = unit === 'plain' && suffix ? SCALE_BY_WORD[suffix.trim().toLowerCase()] : undefined;
  if (scale !== undefined) {
    value *= scale;
    tolerance *= scale;
  }
  if (!Number.isFinite(value)) return undefined;
  const start = hasMinusSign(original, index) ? index - 1 : index;
  return {
    text: original.slice(start, index + whole.length).trim(),
    index: start,
    value: Math.abs(value),
    tolerance,
    unit,
    isBareInteger: unit === 'plain' && scale === undefined && exponentText === undefined && decimalCount === 0,
    ...(flattenedPower === undefined ? {} : { flattenedPower }),
  };
}

// A minus that is a sign, not a hyphen in "GPT-4" or a range "10-20".
function hasMinusSign(text: string, index: number): boolean {
  return /[-\u2212]/.test(text[index - 1] ?? '') && /^[\s(\[=]?$/.test(text[index - 2] ?? '');
}

function classifyUnit(suffix: string | undefined): NumberMention['unit'] {
  if (!suffix) return 'plain';
  const trimmed = suffix.trim().toLowerCase();
  if (/^(?:%|percent|percentage points?|per\s?cent|pct|pp|p\.p\.)$/.test(trimmed)) return 'percent';
  if (/^(?:×|x|-?fold|times)$/.test(trimmed)) return 'times';
  return 'plain';
}

function fromSuperscript(superscript: string): string {
  return [...superscript].map((character) => (character === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(character)))).join('');
}
