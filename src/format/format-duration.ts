export interface FormatDurationOptions {
  /**
   * `compact` for progress lines (`0.4s`, `42s`, `3m07s`, `1h05m`); `spaced` for messages
   * (`0.4 s`, `42 s`, `2 min`, `3 min 7 s`, `24 h`, `1 h 5 min`). Default: `compact`.
   */
  style?: 'compact' | 'spaced';
}

/** Human durations, the one way the tool writes them. */
export function formatDuration(milliseconds: number, { style = 'compact' }: FormatDurationOptions = {}): string {
  const tenthsOfSeconds = Math.round(Math.max(0, milliseconds) / 100);
  const wholeSeconds = Math.round(tenthsOfSeconds / 10);
  const hours = Math.floor(wholeSeconds / 3600);
  const minutes = Math.floor((wholeSeconds % 3600) / 60);
  const seconds = wholeSeconds % 60;
  if (style === 'spaced') {
    if (wholeSeconds < 60) return `${tenthsOfSeconds % 10 === 0 ? tenthsOfSeconds / 10 : (tenthsOfSeconds / 10).toFixed(1)} s`;
    if (hours > 0) return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
    return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
  }
  if (tenthsOfSeconds < 100) return `${(tenthsOfSeconds / 10).toFixed(1)}s`;
  if (wholeSeconds < 60) return `${wholeSeconds}s`;
  if (hours > 0) return `${hours}h${pad(minutes)}m`;
  return `${minutes}m${pad(seconds)}s`;
}

// --- internal ---

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
