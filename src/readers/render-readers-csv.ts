import type { Reader, Vote } from './reader.js';

/** `readers export`: every reader as CSV (address, name, language, state, added), which `readers import` reads back. */
export function renderReadersCsv(readers: readonly Reader[]): string {
  return renderCsv(['address', 'name', 'language', 'state', 'added'], readers.map((reader) => [reader.address, reader.name, reader.language, reader.state, reader.createdAt]));
}

/** `readers export --votes`: each reader's last vote on each paper. */
export function renderVotesCsv(votes: ReadonlyArray<{ address: string; paperId: string; vote: Vote; at: string }>): string {
  return renderCsv(['address', 'paper', 'vote', 'at'], votes.map((vote) => [vote.address, vote.paperId, vote.vote, vote.at]));
}

// --- internal ---

function renderCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(quoteField).join(',')).join('\r\n') + '\r\n';
}

// Quoted only when it must be (RFC 4180), so the file reads as plainly as it was typed.
function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
