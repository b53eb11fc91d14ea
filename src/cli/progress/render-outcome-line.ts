import { formatClockTime } from '../../format/format-clock-time.js';
import { formatDuration } from '../../format/format-duration.js';
import { formatUsd } from './format-usd.js';
import { toTerminalText } from './to-terminal-text.js';

export interface PaperOutcomeLine {
  at: number;
  kind: 'summarized' | 'skipped' | 'failed';
  id: string;
  title?: string;
  /** Why it was skipped or failed. */
  detail?: string;
  /** `null`: the model has no known price. */
  costUsd?: number | null;
  durationMs?: number;
  done: number;
  /** 0 when unknown: the `[done/total]` counter is left out. */
  total: number;
}

/** One plain line per finished paper, for logs and cron mail: `02:03:11 [12/40] summarized 2511.01234 "Title" $0.0123 42s`. */
export function renderOutcomeLine(line: PaperOutcomeLine): string {
  const parts = [
    formatClockTime(line.at),
    ...(line.total > 0 ? [`[${line.done}/${line.total}]`] : []),
    line.kind,
    toTerminalText(line.id, { singleLine: true }),
    ...(line.title ? [`"${toTerminalText(line.title, { singleLine: true, maxLength: TITLE_LENGTH })}"`] : []),
    ...(line.costUsd === null ? ['cost unknown'] : line.costUsd !== undefined ? [formatUsd(line.costUsd)] : []),
    ...(line.durationMs !== undefined ? [formatDuration(line.durationMs)] : []),
  ];
  const detail = line.detail ? ` — ${toTerminalText(line.detail, { singleLine: true, maxLength: DETAIL_LENGTH })}` : '';
  return `${parts.join(' ')}${detail}`;
}

// --- internal ---

const TITLE_LENGTH = 60;
const DETAIL_LENGTH = 300;
