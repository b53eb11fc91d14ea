import type { QuizQuestion } from '../brief-schema.js';

/** `problems` make a question wrong or unusable; `warnings` are heuristics a person should look at. */
export interface QuizReport {
  problems: string[];
  warnings: string[];
}

const EXPECTED_OPTION_COUNT = 3;

/**
 * Checks each question (options distinct ignoring case and spacing, answerIndex points at an option,
 * the explanation does not argue for another option) and the quiz as a whole (the correct answers are
 * not all in one position). Only the structural checks are problems; the rest are warnings.
 */
export function checkQuiz(quiz: readonly QuizQuestion[]): QuizReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  quiz.forEach((question, index) => {
    const label = `question ${index + 1}`;
    problems.push(...findStructuralProblems(question).map((problem) => `${label}: ${problem}`));
    const warning = findExplanationMismatch(question);
    if (warning) warnings.push(`${label}: ${warning}`);
  });
  const positions = new Set(quiz.map((question) => question.answerIndex));
  const [onlyPosition] = positions;
  if (quiz.length > 1 && positions.size === 1 && onlyPosition !== undefined) {
    warnings.push(`all ${quiz.length} correct answers are option ${letterOf(onlyPosition)}`);
  }
  return { problems, warnings };
}

/** Lowercase, single-spaced, without surrounding punctuation: what makes two options "the same". */
export function normalizeOption(option: string): string {
  return option
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

// --- internal ---

function findStructuralProblems(question: QuizQuestion): string[] {
  const problems: string[] = [];
  const { options, answerIndex } = question;
  if (options.length !== EXPECTED_OPTION_COUNT) {
    problems.push(`has ${options.length} options, expected ${EXPECTED_OPTION_COUNT}`);
  }
  const firstIndexByOption = new Map<string, number>();
  options.forEach((option, index) => {
    const normalized = normalizeOption(option);
    const firstIndex = firstIndexByOption.get(normalized);
    if (firstIndex === undefined) firstIndexByOption.set(normalized, index);
    else problems.push(`options ${letterOf(firstIndex)} and ${letterOf(index)} are the same ("${option}")`);
  });
  if (!Number.isInteger(answerIndex) || answerIndex < 0 || answerIndex >= options.length) {
    problems.push(`answerIndex ${answerIndex} does not point at one of the ${options.length} options`);
  }
  return problems;
}

// "The correct answer is B", "correct option is (b)", "Option 2 is correct".
const NAMED_ANSWER_PATTERNS = [
  /(?:[Cc]orrect|[Rr]ight)\s+(?:answer|option|choice)\s+is\s+(?:(?:[Oo]ption|[Cc]hoice)\s+\(?([A-Ca-c1-3])\)?|\(([A-Ca-c1-3])\)|([A-C]))(?![\p{L}\p{N}])/u,
  /(?:[Oo]ption|[Cc]hoice|[Aa]nswer)\s+\(?([A-Ca-c1-3])\)?\s+is\s+(?:the\s+)?(?:correct|right)\b/u,
];

function findExplanationMismatch(question: QuizQuestion): string | undefined {
  const { options, answerIndex, explanation } = question;
  if (options[answerIndex] === undefined) return undefined;
  const namedIndex = findNamedAnswer(explanation);
  if (namedIndex !== undefined && namedIndex !== answerIndex && namedIndex < options.length) {
    return `the explanation names option ${letterOf(namedIndex)} as correct but answerIndex points at option ${letterOf(answerIndex)}`;
  }
  const coverages = measureDistinctiveCoverage(options, explanation);
  const answerCoverage = coverages[answerIndex] ?? 0;
  const bestOther = coverages
    .map((coverage, index) => ({ coverage, index }))
    .filter(({ index }) => index !== answerIndex)
    .sort((left, right) => right.coverage - left.coverage)[0];
  if (bestOther && bestOther.coverage >= 0.5 && bestOther.coverage > answerCoverage) {
    return `the explanation matches option ${letterOf(bestOther.index)} better than the marked answer ${letterOf(answerIndex)}`;
  }
  return undefined;
}

function findNamedAnswer(explanation: string): number | undefined {
  for (const pattern of NAMED_ANSWER_PATTERNS) {
    const match = pattern.exec(explanation);
    const named = match?.slice(1).find((group) => group !== undefined);
    if (named) return 'abc123'.indexOf(named.toLowerCase()) % 3;
  }
  return undefined;
}

// The share of each option's own words (those no other option has) that the explanation uses.
function measureDistinctiveCoverage(options: readonly string[], explanation: string): number[] {
  const explanationWords = new Set(listContentWords(removeNegatedPhrases(explanation)));
  const wordsByOption = options.map((option) => new Set(listContentWords(option)));
  return wordsByOption.map((words, index) => {
    const distinctive = [...words].filter((word) =>
      wordsByOption.every((otherWords, otherIndex) => otherIndex === index || !otherWords.has(word)),
    );
    if (distinctive.length === 0) return 0;
    return distinctive.filter((word) => explanationWords.has(word)).length / distinctive.length;
  });
}

// "A, not B" and "Unlike B, …" name a wrong option to rule it out; up to the next punctuation mark.
const NEGATED_PHRASE = /\b(?:not|no|never|unlike|rather\s+than|instead\s+of|except|neither|nor|without|incorrect|wrong|false|rules?\s+out)\b[^,.;:!?]*/gi;

function removeNegatedPhrases(text: string): string {
  return text.replace(NEGATED_PHRASE, ' ');
}

const STOP_WORDS = new Set(
  'the and for with that this from into onto than then they them their there these those are was were been being has have had not but its it\'s our your you can could would should will may might does did doing only also more most less such each which what when where who whom how why all any both other some over under about between using used use uses paper authors method model'.split(
    ' ',
  ),
);

function listContentWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu) ?? [];
  return words
    .filter((word) => /\p{N}/u.test(word) || (word.length >= 3 && !STOP_WORDS.has(word)))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}

function letterOf(index: number): string {
  return String.fromCharCode(65 + index);
}
