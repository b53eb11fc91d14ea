/** Short, human durations for progress lines: `0.4s`, `42s`, `3m07s`, `1h05m`. */
export function formatDuration(milliseconds: number): string {
  const tenthsOfSeconds = Math.round(Math.max(0, milliseconds) / 100);
  if (tenthsOfSeconds < 100) return `${(tenthsOfSeconds / 10).toFixed(1)}s`;
  const wholeSeconds = Math.round(tenthsOfSeconds / 10);
  if (wholeSeconds < 60) return `${wholeSeconds}s`;
  const hours = Math.floor(wholeSeconds / 3600);
  const minutes = Math.floor((wholeSeconds % 3600) / 60);
  const seconds = wholeSeconds % 60;
  if (hours > 0) return `${hours}h${pad(minutes)}m`;
  return `${minutes}m${pad(seconds)}s`;
}

// --- internal ---

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
