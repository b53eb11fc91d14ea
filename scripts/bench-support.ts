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
