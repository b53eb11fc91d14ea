import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/brief/brief-schema.js';
import { balanceAnswerPositions } from '../../../src/brief/checks/balance-answer-positions.js';

const question = (topic: string, answerIndex: number): QuizQuestion => ({
  question: `What about ${topic}?`,
  options: [`${topic} one`, `${topic} two`, `${topic} three`],
  answerIndex,
  explanation: `Because of ${topic}.`,
});

const allInPosition = (position: number) => [question('alpha', position), question('beta', position), question('gamma', position)];

const correctTexts = (quiz: QuizQuestion[]) => quiz.map((item) => item.options[item.answerIndex]);

describe('balanceAnswerPositions', () => {
  it.each([
    [0, '2509.08721'],
    [1, '2509.08721'],
    [2, '2509.08721'],
    [1, 'hep-th/9108004'],
    [1, ''],
  ])('moves answers that all sit at %i apart (seed %j), keeping each answer text', (position, seed) => {
    const quiz = allInPosition(position);
    const balanced = balanceAnswerPositions(quiz, seed);
    expect(new Set(balanced.map((item) => item.answerIndex)).size).toBeGreaterThan(1);
    expect(correctTexts(balanced)).toEqual(correctTexts(quiz));
    balanced.forEach((item, index) => {
      expect([...item.options].sort()).toEqual([...(quiz[index]?.options ?? [])].sort());
      expect(item.question).toBe(quiz[index]?.question);
      expect(item.explanation).toBe(quiz[index]?.explanation);
    });
  });

  it('gives the same order for the same quiz and seed', () => {
    expect(balanceAnswerPositions(allInPosition(1), '2509.08721')).toEqual(balanceAnswerPositions(allInPosition(1), '2509.08721'));
  });

  it('depends on the seed', () => {
    const layouts = new Set(
      ['2509.08721', '2509.08722', '2401.00001', 'hep-th/9108004', 'x', 'y'].map((seed) =>
        JSON.stringify(balanceAnswerPositions(allInPosition(0), seed)),
      ),
    );
    expect(layouts.size).toBeGreaterThan(1);
  });

  it('does not change the quiz it was given', () => {
    const quiz = allInPosition(1);
    const copy = structuredClone(quiz);
    balanceAnswerPositions(quiz, 'seed');
    expect(quiz).toEqual(copy);
  });

  it.each([
    ['already varied', [question('alpha', 0), question('beta', 0), question('gamma', 2)]],
    ['a single question', [question('alpha', 1)]],
    ['no questions', []],
    ['an answerIndex out of range', [question('alpha', 3), question('beta', 3), question('gamma', 3)]],
  ])('leaves a quiz with %s untouched', (_, quiz) => {
    expect(balanceAnswerPositions(quiz, 'seed')).toBe(quiz);
  });

  it('balances two questions too', () => {
    const balanced = balanceAnswerPositions([question('alpha', 2), question('beta', 2)], 'seed');
    expect(balanced[0]?.answerIndex).not.toBe(balanced[1]?.answerIndex);
    expect(correctTexts(balanced)).toEqual(['alpha three', 'beta three']);
  });
});
