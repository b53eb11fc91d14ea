import type { QuizQuestion } from '../brief-schema.js';
import { createSeededRandom } from '../../text/create-seeded-random.js';

/**
 * When every correct answer sits in the same position (models love "B"), reorders the options so
 * that they don't, each answerIndex still pointing at the same option text. Deterministic: the same
 * quiz and seed (e.g. the paper ID) give the same order, so re-rendering a brief never reshuffles it.
 * A quiz that is already varied, has fewer than two questions or has an invalid answerIndex comes back as is.
 */
export function balanceAnswerPositions(quiz: QuizQuestion[], seed: string): QuizQuestion[] {
  if (quiz.length < 2 || new Set(quiz.map((question) => question.answerIndex)).size > 1) return quiz;
  if (quiz.some((question) => question.options[question.answerIndex] === undefined || question.options.length < 2)) {
    return quiz;
  }
  const random = createSeededRandom(hashSeed(seed));
  const optionCount = Math.min(...quiz.map((question) => question.options.length));
  const targetPositions = shuffle([...Array(optionCount).keys()], random);
  return quiz.map((question, questionIndex) => {
    const target = targetPositions[questionIndex % optionCount] ?? 0;
    const answer = question.options[question.answerIndex] ?? '';
    const others = shuffle(
      question.options.filter((_, optionIndex) => optionIndex !== question.answerIndex),
      random,
    );
    return { ...question, options: [...others.slice(0, target), answer, ...others.slice(target)], answerIndex: target };
  });
}

// --- internal ---

// The FNV-1a hash of the seed, as mulberry32's number: tiny, and stable across Node versions.
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (const character of seed) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193);
  return hash;
}

function shuffle<Item>(items: Item[], random: () => number): Item[] {
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as Item, shuffled[index] as Item];
  }
  return shuffled;
}
