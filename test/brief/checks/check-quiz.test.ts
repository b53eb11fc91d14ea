import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/brief/brief-schema.js';
import { checkQuiz } from '../../../src/brief/checks/check-quiz.js';
import { makeQuestion } from './make-brief-content.js';

const variedQuiz = (first: QuizQuestion): QuizQuestion[] => [first, makeQuestion(1), makeQuestion(2)];

describe('checkQuiz', () => {
  it('accepts a sound quiz without problems or warnings', () => {
    expect(checkQuiz([makeQuestion(0), makeQuestion(2), makeQuestion(1)])).toEqual({ problems: [], warnings: [] });
  });

  it.each([
    [['Long inputs', 'long  inputs', 'No inputs'], 'options A and B are the same'],
    [['Long inputs', 'No inputs', ' LONG INPUTS. '], 'options A and C are the same'],
    [['Yes', 'No', 'No'], 'options B and C are the same'],
  ])('reports duplicate options %j', (options, expected) => {
    const { problems } = checkQuiz(variedQuiz(makeQuestion(0, { options })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`question 1: ${expected}`);
  });

  it.each([[-1], [3], [1.5]])('reports answerIndex %d as not pointing at an option', (answerIndex) => {
    const { problems } = checkQuiz(variedQuiz(makeQuestion(0, { answerIndex })));
    expect(problems).toEqual([`question 1: answerIndex ${answerIndex} does not point at one of the 3 options`]);
  });

  it('reports a question without three options', () => {
    const { problems } = checkQuiz(variedQuiz(makeQuestion(0, { options: ['Long inputs', 'Short inputs'] })));
    expect(problems).toEqual(['question 1: has 2 options, expected 3']);
  });

  it.each([0, 1, 2])('warns when every correct answer is option %i', (position) => {
    const { problems, warnings } = checkQuiz([makeQuestion(position), makeQuestion(position), makeQuestion(position)]);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([`all 3 correct answers are option ${'ABC'[position]}`]);
  });

  it.each([
    ['The correct answer is C.', 'option C'],
    ['The correct option is (b): inputs matter.', 'option B'],
    ['Correct answer is option 3.', 'option C'],
    ['Option B is correct because the paper says so.', 'option B'],
  ])('warns when the explanation names another option: %j', (explanation, named) => {
    const { problems, warnings } = checkQuiz(variedQuiz(makeQuestion(0, { explanation })));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([`question 1: the explanation names ${named} as correct but answerIndex points at option A`]);
  });

  it.each([
    {
      options: ['Contrastive pretraining on image-text pairs', 'Supervised fine-tuning on labels', 'Reinforcement learning from feedback'],
      answerIndex: 0,
      explanation: 'The method relies on reinforcement learning from human feedback.',
    },
    {
      options: ['About 9,000 summaries', 'About 40,000 summaries', 'About 900 summaries'],
      answerIndex: 2,
      explanation: 'The dataset holds about 9,000 expert-written summaries.',
    },
  ])('warns when the explanation argues for a wrong option: $explanation', (overrides) => {
    const { warnings } = checkQuiz(variedQuiz(makeQuestion(0, overrides)));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^question 1: the explanation matches option [A-C] better than the marked answer [A-C]$/);
  });

  it.each([
    'The correct answer is a contrastive objective, not supervised fine-tuning on labels.',
    'It is contrastive pretraining rather than reinforcement learning from feedback.',
    'Unlike supervised fine-tuning, the method uses contrastive pretraining on image-text pairs.',
    'Contrastive pretraining is what the paper proposes.',
    'The paper says so in its method section.',
    'Option B is wrong: the authors never use labels.',
  ])('does not warn for an explanation consistent with the answer: %j', (explanation) => {
    const question = makeQuestion(0, {
      options: ['Contrastive pretraining on image-text pairs', 'Supervised fine-tuning on labels', 'Reinforcement learning from feedback'],
      answerIndex: 0,
      explanation,
    });
    expect(checkQuiz(variedQuiz(question))).toEqual({ problems: [], warnings: [] });
  });

  it('numbers the questions from 1 and checks each one', () => {
    const quiz = [makeQuestion(0), makeQuestion(1, { options: ['A', 'a', 'B'] }), makeQuestion(2, { answerIndex: 5 })];
    expect(checkQuiz(quiz).problems).toEqual([
      'question 2: options A and B are the same ("a")',
      'question 3: answerIndex 5 does not point at one of the 3 options',
    ]);
  });
});
