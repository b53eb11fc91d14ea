import type { EpisodeScript } from './episode-script.js';

/** The episode as text, `audio/<date>.txt`: for readers who'd rather read, and for search. */
export function renderTranscript(script: EpisodeScript): string {
  const lines = [`${script.title}`, `${script.author}, ${script.date}`, ''];
  for (const segment of script.segments) {
    lines.push(`## ${segment.title}`, '');
    for (const turn of segment.turns) lines.push(`${turn.speaker}: ${turn.text}`, '');
  }
  return lines.join('\n');
}
