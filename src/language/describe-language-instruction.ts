import { getMessages } from './messages.js';

/** The line a prompt ends with when the answer is wanted in another language; English is what the prompts are written in, so English prompts stay as they were. */
export function describeLanguageInstruction(tag: string): string {
  if (tag === 'en') return '';
  return `\n\nWrite every text of your answer in ${getMessages(tag).name} (${tag}); keep numbers as digits exactly as the paper gives them.`;
}
