import { collapseBlankLines } from './clean/collapse-blank-lines.js';
import { combineAccents } from './clean/combine-accents.js';
import { joinHyphenatedWords } from './clean/join-hyphenated-words.js';
import { normalizeUnicode } from './clean/normalize-unicode.js';
import { removeArxivStamps } from './clean/remove-arxiv-stamps.js';
import { removePageJoiners } from './clean/remove-page-joiners.js';
import { removePageNumbers } from './clean/remove-page-numbers.js';
import { removeReferences } from './clean/remove-references.js';
import { removeRunningHeaders } from './clean/remove-running-headers.js';
import { replaceTabs } from './clean/replace-tabs.js';
import { stripControlChars } from './clean/strip-control-chars.js';

/** What cleaning changed, for `summarize text --stats` and the brief's source record. */
export interface CleaningStats {
  charsIn: number;
  charsOut: number;
  controlCharsRemoved: number;
  accentsCombined: number;
  tabsReplaced: number;
  ligaturesReplaced: number;
  pageJoinersRemoved: number;
  arxivStampsRemoved: number;
  repeatedLinesRemoved: number;
  pageNumbersRemoved: number;
  hyphenationsJoined: number;
  /** Line-end splits of compounds, rejoined with their hyphen (`state-of-the-art`). */
  hyphenationsKept: number;
  referencesRemoved: boolean;
  referencesChars: number;
  referencesMethod: 'heading' | 'numbered-list' | undefined;
  /** Characters after the reference list kept as appendices. */
  appendixCharsKept: number;
}

export interface CleanedText {
  text: string;
  stats: CleaningStats;
}

/** Turns pdf-parse's per-page text into the paper's running text, without layout artefacts or references. */
export function cleanPaperText(pages: string[]): CleanedText {
  const charsIn = pages.reduce((total, page) => total + page.length, 0);
  let controlCharsRemoved = 0;
  let accentsCombined = 0;
  let tabsReplaced = 0;
  let ligaturesReplaced = 0;
  let pageJoinersRemoved = 0;
  const normalizedPages = pages.map((page) => {
    const stripped = stripControlChars(page);
    const accented = combineAccents(stripped.text);
    const spaced = replaceTabs(accented.text);
    const unicode = normalizeUnicode(spaced.text);
    const unjoined = removePageJoiners(unicode.text);
    controlCharsRemoved += stripped.removed;
    accentsCombined += accented.combined;
    tabsReplaced += spaced.replaced;
    ligaturesReplaced += unicode.ligaturesReplaced;
    pageJoinersRemoved += unjoined.removed;
    return unjoined.text;
  });
  const unstamped = removeArxivStamps(normalizedPages);
  const headerless = removeRunningHeaders(unstamped.pages);
  const unnumbered = removePageNumbers(headerless.pages);
  // Pages join with one newline, blank edges trimmed, so a word split across a page break is joined too.
  const joined = joinHyphenatedWords(unnumbered.pages.map((page) => page.replace(/^\n+|\n+$/g, '')).join('\n'));
  const referencesCut = removeReferences(joined.text);
  const collapsed = collapseBlankLines(referencesCut.text);
  return {
    text: collapsed.text,
    stats: {
      charsIn,
      charsOut: collapsed.text.length,
      controlCharsRemoved,
      accentsCombined,
      tabsReplaced,
      ligaturesReplaced,
      pageJoinersRemoved,
      arxivStampsRemoved: unstamped.removed,
      repeatedLinesRemoved: headerless.removed,
      pageNumbersRemoved: unnumbered.removed,
      hyphenationsJoined: joined.joined,
      hyphenationsKept: joined.keptHyphen,
      referencesRemoved: referencesCut.removed,
      referencesChars: referencesCut.referencesChars,
      referencesMethod: referencesCut.method,
      appendixCharsKept: referencesCut.appendixChars,
    },
  };
}
