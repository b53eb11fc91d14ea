// What the benchmark scripts share: reading their flags and run reports, and printing figures.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunReport, RunReportSchema } from '../src/run/run-report.js';

/** The newest run report in `folder`, validated. */
export async function readNewestReport(folder: string): Promise<RunReport> {
  const reports = await Promise.all(
    (await readdir(folder)).map(async (name) => RunReportSchema.parse(JSON.parse(await readFile(join(folder, name), 'utf8')))),
  );
  return reports.sort((left, right) => left.startedAt.localeCompare(right.startedAt)).at(-1)!;
}

/** A flag's whole number above 0. */
export function readPositive(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${flag} takes a whole number above 0, not ${JSON.stringify(value)}`);
  return number;
}

export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** A target met or not, as the figures print it. */
export function mark(ok: boolean): string {
  return ok ? 'ok' : 'MISSED';
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = values.toSorted((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "median 1.09 (1.07–1.13, 3 runs)": the figure with its run-to-run spread; a single run prints alone. */
export function describeSpread(values: readonly number[], format: (value: number) => string): string {
  if (values.length === 1) return format(values[0]!);
  return `median ${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))}, ${values.length} runs)`;
}
