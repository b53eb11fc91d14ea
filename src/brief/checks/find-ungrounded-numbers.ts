import type { BriefContent } from '../brief-schema.js';
import { findNumbersInText } from './find-numbers-in-text.js';
import { type NumberMention, normalizeForNumbers, scanNumbers } from './scan-numbers.js';

/**
 * The numbers the brief states that the paper text does not contain, as written in the brief, deduplicated.
 *
 * A brief number is grounded when the paper holds the same magnitude in any format
 * (`94%` ~ `94 %` ~ `94.0` ~ `0.94`, `3,000` ~ `3000` ~ `3k`, `7B` ~ `7 billion`, `1.5x` ~ `1.5×`, `10^6` ~ `106`)
 * or a more precise value that rounds to it (`94%` ~ `93.8`), sign ignored. Units are not compared
 * because tables drop them. Wrong quiz options are not checked: distractors are meant to be false,
 * and neither are numbers in the question or explanation that repeat a distractor.
 */
export function findUngroundedNumbers(content: BriefContent, paperText: string): string[] {
  return findUngroundedNumbersInTexts(listCheckedTexts(content), paperText);
}

/** The same check for any other text written from the paper (a podcast script, a blurb); `distractors` are numbers meant to be false: every number must be in the paper. */
export function findUngroundedNumbersInTexts(texts: ReadonlyArray<string | CheckedText>, paperText: string): string[] {
  const paperValues = collectPaperValues(paperText);
  const ungrounded = new Set<string>();
  for (const { text, distractors } of texts.map((entry) => (typeof entry === 'string' ? { text: entry, distractors: [] } : entry))) {
    for (const mention of findNumbersInText(text)) {
      if (distractors.some((distractor) => isSameNumber(mention, distractor))) continue;
      if (!isGrounded(mention, paperValues)) ungrounded.add(mention.text);
    }
  }
  return [...ungrounded];
}

/** Every text of the brief a reader sees, for checks beyond numbers (its language). */
export function listBriefTexts(content: BriefContent): string[] {
  return listCheckedTexts(content).map((checked) => checked.text);
}

export interface CheckedText {
  text: string;
  distractors: NumberMention[];
}

// --- internal ---

function listCheckedTexts(content: BriefContent): CheckedText[] {
  const { tldr, summary, critique, quiz, flowchart } = content;
  const prose = [
    tldr,
    summary.topicAndDomain,
    summary.previousResearchAndNewIdeas,
    summary.problem,
    summary.methods,
    summary.resultsAndEvaluation,
    ...critique.strengths,
    ...critique.limitations,
    critique.implications,
    ...flowchart.nodes.map((node) => node.label),
    ...flowchart.edges.map((edge) => edge.label),
  ].map((text) => ({ text, distractors: [] }));
  const quizTexts = quiz.flatMap((question) => {
    const distractors = question.options
      .filter((_, index) => index !== question.answerIndex)
      .flatMap((option) => scanNumbers(option));
    const answer = question.options[question.answerIndex];
    return [question.question, ...(answer === undefined ? [] : [answer]), question.explanation].map((text) => ({
      text,
      distractors,
    }));
  });
  return [...prose, ...quizTexts];
}

function isSameNumber(mention: NumberMention, other: NumberMention): boolean {
  return Math.abs(mention.value - other.value) <= Math.max(mention.tolerance, other.tolerance);
}

// Generous on purpose: every digit run counts, so PDF text quirks ("accuracyof94.2", "3 000", "94,2") still match.
function collectPaperValues(paperText: string): Float64Array {
  const normalized = normalizeForNumbers(paperText);
  const values: number[] = [];
  for (const mention of scanNumbers(paperText)) values.push(mention.value);
  for (const match of normalized.matchAll(/\d+(?:\.\d+)?/g)) values.push(Number(match[0]));
  for (const match of normalized.matchAll(/(?<![\d,.])\d{1,3}(?:[ \t\u2009]\d{3})+(?![\d])/g)) {
    values.push(Number(match[0].replace(/\D/g, '')));
  }
  for (const match of normalized.matchAll(/(?<![\d,.])(\d+),(\d{1,2})(?![\d,])/g)) {
    values.push(Number(`${match[1]}.${match[2]}`));
  }
  // PDF text flattens superscripts: 10^{-4} reads "10−4" and 4.98 × 10^5 reads "4.98 × 105".
  for (const match of normalized.matchAll(/(?<![\d.])(?:(\d+(?:\.\d+)?)\s?[×x·*]\s?)?10(-?)(\d{1,2})(?!\d|\.\d)/g)) {
    const [, mantissa, minus, exponent] = match;
    if (mantissa !== undefined || minus === '-') values.push(Number(mantissa ?? 1) * 10 ** Number(`${minus}${exponent}`));
  }
  return Float64Array.from(values.filter(Number.isFinite)).sort();
}

function isGrounded(mention: NumberMention, paperValues: Float64Array): boolean {
  const targets: Array<[value: number, tolerance: number]> = [[mention.value, mention.tolerance]];
  const isDecimalOrPercent = mention.unit === 'percent' || (mention.unit === 'plain' && !mention.isBareInteger);
  if (isDecimalOrPercent && mention.value <= 100) targets.push([mention.value / 100, mention.tolerance / 100]);
  if (mention.unit === 'plain' && !mention.isBareInteger && mention.value <= 1) {
    targets.push([mention.value * 100, mention.tolerance * 100]);
  }
  if (mention.flattenedPower !== undefined) targets.push([mention.flattenedPower, 0]);
  return targets.some(([value, tolerance]) => {
    const slack = tolerance * (1 + 1e-9) + value * 1e-12;
    return hasValueBetween(paperValues, value - slack, value + slack);
  });
}

function hasValueBetween(sortedValues: Float64Array, low: number, high: number): boolean {
  let start = 0;
  let end = sortedValues.length;
  while (start < end) {
    const middle = (start + end) >>> 1;
    if ((sortedValues[middle] ?? Number.POSITIVE_INFINITY) < low) start = middle + 1;
    else end = middle;
  }
  return start < sortedValues.length && (sortedValues[start] ?? Number.POSITIVE_INFINITY) <= high;
}
