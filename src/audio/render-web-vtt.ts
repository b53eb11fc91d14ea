/** One timed line of the transcript: who speaks what, from when to when. */
export interface CaptionCue {
  startMs: number;
  endMs: number;
  speaker: string;
  text: string;
}

/** The episode's timed transcript as WebVTT (`audio/<date>.vtt`), each cue with its speaker, for `podcast:transcript`. */
export function renderWebVtt(cues: readonly CaptionCue[]): string {
  const blocks = cues.map((cue) => `${formatTimestamp(cue.startMs)} --> ${formatTimestamp(cue.endMs)}\n<v ${escapeCueText(cue.speaker)}>${escapeCueText(cue.text)}`);
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

// --- internal ---

function formatTimestamp(milliseconds: number): string {
  const total = Math.max(0, Math.round(milliseconds));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}.${pad(total % 1000, 3)}`;
}

// Cue text is markup: `&`, `<` and `>` would start entities and tags, and "-->" would end the timing line.
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s*\n\s*/g, ' ');
}
