import type { Summary } from '../brief/brief-schema.js';

/** The five points in the order and wording of the daily-papers pages the briefs imitate. */
export const SUMMARY_POINTS: ReadonlyArray<readonly [keyof Summary, string]> = [
  ['topicAndDomain', '📘 Topic and Domain'],
  ['previousResearchAndNewIdeas', '💡 Previous Research and New Ideas'],
  ['problem', '❓ Problem'],
  ['methods', '🛠️ Methods'],
  ['resultsAndEvaluation', '📊 Results and Evaluation'],
];
