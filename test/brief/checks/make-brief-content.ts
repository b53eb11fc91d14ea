import type { BriefContent, QuizQuestion } from '../../../src/brief/brief-schema.js';
import type { Flowchart } from '../../../src/brief/flowchart-schema.js';

/** A valid brief whose every field says nothing numeric, with `overrides` on top. */
export function makeBriefContent(overrides: { resultsAndEvaluation?: string; strengths?: string[]; quiz?: QuizQuestion[]; flowchart?: Flowchart } = {}): BriefContent {
  return {
    tldr: 'Fine-tuned summarizers handle long multi-document legal cases better.',
    summary: {
      topicAndDomain: 'Summarization of legal documents.',
      previousResearchAndNewIdeas: 'Earlier datasets offered one summary per document; this one offers several.',
      problem: 'Long multi-document inputs are hard to summarize.',
      methods: 'The authors fine-tune pretrained summarizers.',
      resultsAndEvaluation: overrides.resultsAndEvaluation ?? 'Models with long inputs do better.',
    },
    critique: {
      strengths: overrides.strengths ?? ['Real expert summaries.'],
      limitations: ['Only one jurisdiction.'],
      implications: 'Useful for legal aid organisations.',
    },
    quiz: overrides.quiz ?? [makeQuestion(0), makeQuestion(1), makeQuestion(2)],
    flowchart: overrides.flowchart ?? {
      nodes: [
        { id: 'n1', label: 'Collect cases', stage: 'Data' },
        { id: 'n2', label: 'Fine-tune summarizer', stage: 'Model' },
        { id: 'n3', label: 'Evaluate with ROUGE', stage: 'Evaluation' },
      ],
      edges: [
        { from: 'n1', to: 'n2', label: 'documents' },
        { from: 'n2', to: 'n3', label: '' },
      ],
    },
  };
}

/** A question whose correct option ("Long inputs") sits at `answerIndex`. */
export function makeQuestion(answerIndex: number, overrides: Partial<QuizQuestion> = {}): QuizQuestion {
  const wrongOptions = ['Short inputs', 'No inputs'];
  return {
    question: 'Which input works best?',
    options: [...wrongOptions.slice(0, answerIndex), 'Long inputs', ...wrongOptions.slice(answerIndex)],
    answerIndex,
    explanation: 'The paper finds that long inputs help.',
    ...overrides,
  };
}
