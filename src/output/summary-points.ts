import type { Summary } from '../brief/brief-schema.js';
import { getMessages } from '../language/messages.js';

/** The five points in the order and wording of the daily-papers pages the briefs imitate. */
export const SUMMARY_POINTS: ReadonlyArray<readonly [keyof Summary, string]> = [
  ['topicAndDomain', '📘 Topic and Domain'],
  ['previousResearchAndNewIdeas', '💡 Previous Research and New Ideas'],
  ['problem', '❓ Problem'],
  ['methods', '🛠️ Methods'],
  ['resultsAndEvaluation', '📊 Results and Evaluation'],
];

/** The same five points with their names in the language of `tag` (see src/language/messages.ts). */
export function listSummaryPoints(tag: string | undefined): ReadonlyArray<readonly [keyof Summary, string]> {
  const messages = getMessages(tag);
  return SUMMARY_POINTS.map(([key, label]) => [key, `${label.split(' ')[0]} ${messages[key]}`] as const);
}
