import { formatUsd } from './format-usd.js';
import { toTerminalText } from './to-terminal-text.js';

export interface ProgressSnapshot {
  done: number;
  total: number;
  failed: number;
  spendUsd: number;
  /** Some paper's model had no price, so the spend is a lower bound. */
  spendUnknown: boolean;
  /** What is happening now, e.g. `generating 2511.01234 Title`. */
  activity?: string;
  /** Terminal columns; the line stays one column short so it never wraps (a wrapped line cannot be redrawn with `\r`). */
  columns: number;
}

/** The one-line bar: `[████░░░░] 12/40 papers · 1 failed · $0.0123 · generating 2511.01234 Title`. */
export function renderProgressLine(snapshot: ProgressSnapshot): string {
  const ratio = snapshot.total > 0 ? Math.min(1, snapshot.done / snapshot.total) : 0;
  const filled = Math.round(ratio * BAR_WIDTH);
  const parts = [
    `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${snapshot.done}/${snapshot.total} papers`,
    ...(snapshot.failed > 0 ? [`${snapshot.failed} failed`] : []),
    `${formatUsd(snapshot.spendUsd)}${snapshot.spendUnknown ? '+' : ''}`,
    ...(snapshot.activity ? [snapshot.activity] : []),
  ];
  return toTerminalText(parts.join(' · '), { singleLine: true, maxLength: Math.max(10, snapshot.columns - 1) });
}

// --- internal ---

const BAR_WIDTH = 20;
