import type { Reader } from './reader.js';

/** `readers list`: one reader a line, in aligned columns (address, state, language, added, name); nothing when there are none. */
export function renderReadersTable(readers: readonly Reader[]): string {
  if (readers.length === 0) return '';
  const rows = readers.map((reader) => [reader.address, reader.state, reader.language, reader.createdAt.slice(0, 10), reader.name]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < widths.length ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd()).join('\n') + '\n';
}
