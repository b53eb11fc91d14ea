import { BriefError } from '../errors/brief-error.js';
import type { PdfExtractor } from '../pdf/extract-text.js';
import { type CleaningStats, cleanPaperText } from '../text/clean-paper-text.js';
import { countTokens } from '../text/count-tokens.js';
import { formatCount } from '../format/format-count.js';

export interface ShowPaperTextsOptions {
  /** Print one table row per input (pages, characters, tokens, what was removed, time) instead of the text. */
  stats: boolean;
}

export interface ShowPaperTextsDependencies {
  /** Turns what the user typed (a path, an arXiv ID) into PDF bytes; `keep` is called once they extracted cleanly. */
  loadPdf(input: string): Promise<{ name: string; bytes: Uint8Array; keep?: () => Promise<void> }>;
  extractor: Pick<PdfExtractor, 'extract'>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Milliseconds, for the seconds column. Default: performance.now. */
  now?: () => number;
}

/** `summarize text`: the cleaned text the model would read, or statistics about it. Returns the number of failed inputs. */
export async function showPaperTexts(
  inputs: string[],
  options: ShowPaperTextsOptions,
  dependencies: ShowPaperTextsDependencies,
): Promise<number> {
  const now = dependencies.now ?? (() => performance.now());
  let failures = 0;
  if (options.stats) {
    dependencies.stdout('| file | pages | chars raw | chars clean | tokens | removed | seconds |\n');
    dependencies.stdout('|---|---:|---:|---:|---:|---|---:|\n');
  }
  for (const [index, input] of inputs.entries()) {
    const started = now();
    try {
      const { name, bytes, keep } = await dependencies.loadPdf(input);
      const extracted = await dependencies.extractor.extract(bytes, { minLetters: 1 });
      await keep?.();
      const cleaned = cleanPaperText(extracted.pages);
      const seconds = (now() - started) / 1000;
      if (options.stats) {
        const row = [
          name,
          extracted.pageCount,
          cleaned.stats.charsIn,
          cleaned.stats.charsOut,
          countTokens(cleaned.text),
          describeRemovals(cleaned.stats),
          seconds.toFixed(2),
        ];
        dependencies.stdout(`| ${row.join(' | ')} |\n`);
      } else {
        if (inputs.length > 1) dependencies.stdout(`${index > 0 ? '\n' : ''}==> ${name} <==\n`);
        dependencies.stdout(`${cleaned.text}\n`);
      }
    } catch (error) {
      failures += 1;
      // Expected failures (BriefError) are one clear line; anything else is a bug and keeps its stack.
      const detail = error instanceof BriefError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      dependencies.stderr(`${input}: ${detail}\n`);
    }
  }
  return failures;
}

// --- internal ---

function describeRemovals(stats: CleaningStats): string {
  const parts: string[] = [];
  if (stats.referencesRemoved) {
    parts.push(`references ${stats.referencesChars} chars (${stats.referencesMethod})`);
    if (stats.appendixCharsKept > 0) parts.push(`kept ${stats.appendixCharsKept} chars of appendix after them`);
  } else parts.push('no reference list found');
  const counts: Array<[number, string, string?]> = [
    [stats.repeatedLinesRemoved, 'header/footer line'],
    [stats.pageNumbersRemoved, 'page number'],
    [stats.arxivStampsRemoved, 'arXiv stamp'],
    [stats.hyphenationsJoined + stats.hyphenationsKept, 'line-end split', 'joined'],
    [stats.tabsReplaced, 'TAB'],
    [stats.pageJoinersRemoved, 'page joiner'],
    [stats.controlCharsRemoved, 'control char'],
    [stats.accentsCombined, 'accent', 'combined'],
    [stats.ligaturesReplaced, 'ligature'],
  ];
  for (const [count, noun, done] of counts) if (count > 0) parts.push(`${formatCount(count, noun)}${done === undefined ? '' : ` ${done}`}`);
  return parts.join(', ');
}
