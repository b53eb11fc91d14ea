import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One reader's state as the send journal on disk has it. */
export type RecordedReader = { mailbox: string; readerId: string; outcome: string; messageId: string; reason?: string };

/**
 * Each reader's latest state in `mail/<key>.sent.jsonl`, in the order first tried, read synchronously so a test can
 * look at the disk while the fake server holds a message; empty when nothing was recorded yet.
 */
export function readReaderStates(outputDir: string, key: string): RecordedReader[] {
  let text: string;
  try {
    text = readFileSync(join(outputDir, 'mail', `${key}.sent.jsonl`), 'utf8');
  } catch {
    return [];
  }
  const states = new Map<string, RecordedReader>();
  for (const line of text.trimEnd().split('\n').slice(1)) {
    const state = JSON.parse(line) as RecordedReader;
    states.set(state.mailbox, state);
  }
  return [...states.values()];
}

/** `{ mailbox: outcome }` for every recorded reader. */
export function readReaderOutcomes(outputDir: string, key: string): Record<string, string> {
  return Object.fromEntries(readReaderStates(outputDir, key).map((state) => [state.mailbox, state.outcome]));
}
