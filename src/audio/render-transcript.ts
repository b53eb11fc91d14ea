import { getMessages } from '../language/messages.js';
import type { EpisodeScript } from './episode-script.js';

/** The episode as text, `audio/<date>.txt`: for readers who'd rather read, and for search. */
export function renderTranscript(script: EpisodeScript): string {
  // The episode's language punctuates the lines the tool writes around the spoken text.
  const { listSeparator, colon } = getMessages(script.language);
  const lines = [`${script.title}`, `${script.author}${listSeparator}${script.date}`, ''];
  for (const segment of script.segments) {
    lines.push(`## ${segment.title}`, '');
    for (const turn of segment.turns) lines.push(`${turn.speaker}${colon}${turn.text}`, '');
  }
  return lines.join('\n');
}
