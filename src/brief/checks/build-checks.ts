import type { BriefContent, Checks } from '../brief-schema.js';
import { checkQuiz } from './check-quiz.js';
import { detectInjection } from './detect-injection.js';
import { findUngroundedNumbers, findUngroundedNumbersInTexts } from './find-ungrounded-numbers.js';

/** The `checks` block of a finished brief: everything a reader should know before publishing it. */
export function buildChecks(content: BriefContent, paperText: string): Checks {
  const ungroundedNumbers = findUngroundedNumbers(content, paperText);
  const quizReport = checkQuiz(content.quiz);
  const warnings = [
    ...(ungroundedNumbers.length > 0 ? [`numbers not found in the paper: ${ungroundedNumbers.join(', ')}`] : []),
    ...[...quizReport.problems, ...quizReport.warnings].map((finding) => `quiz: ${finding}`),
    ...describeInjection(paperText),
  ];
  return { ungroundedNumbers, warnings: [...new Set(warnings)] };
}

/** The `checks` block of another style's text: its numbers against the paper, and the paper's hidden instructions. */
export function buildTextChecks(texts: string[], paperText: string): Checks {
  const ungroundedNumbers = findUngroundedNumbersInTexts(texts, paperText);
  const warnings = [...(ungroundedNumbers.length > 0 ? [`numbers not found in the paper: ${ungroundedNumbers.join(', ')}`] : []), ...describeInjection(paperText)];
  return { ungroundedNumbers, warnings: [...new Set(warnings)] };
}

// --- internal ---

// Two kinds of instruction in one short passage give the same excerpt; the callers' Set keeps one.
function describeInjection(paperText: string): string[] {
  return detectInjection(paperText).map((finding) => `the paper text contains text that looks like instructions to an AI: "${finding.excerpt}"`);
}
