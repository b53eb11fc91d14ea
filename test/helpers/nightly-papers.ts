import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunReport, RunReportSchema } from '../../src/run/run-report.js';
import type { FakePaper } from '../fakes/fake-arxiv-server.js';
import { makePaperPdf } from './paper-pdf.js';

export const NIGHT = '2025-09-10';

/** `count` papers of one night (2509.10001, 2509.10002, …), each with a small readable PDF showing its title. */
export async function makeNightlyPapers(count: number, first = 10001): Promise<FakePaper[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const id = `2509.${first + index}`;
      const title = `Nightly Paper ${index + 1}`;
      return { id, title, published: `${NIGHT}T12:00:00Z`, pdf: await makePaperPdf(title) };
    }),
  );
}

/** Every run report under `<outputDir>/runs`, oldest first, each validated against the published schema. */
export async function readRunReports(outputDir: string): Promise<RunReport[]> {
  const folder = join(outputDir, 'runs');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  const reports: RunReport[] = [];
  for (const name of names) reports.push(RunReportSchema.parse(JSON.parse(await readFile(join(folder, name), 'utf8'))));
  return reports.sort((left, right) => left.startedAt.localeCompare(right.startedAt));
}

/** The newest run report. */
export async function readLastRunReport(outputDir: string): Promise<RunReport> {
  const reports = await readRunReports(outputDir);
  const last = reports.at(-1);
  if (!last) throw new Error(`no run report in ${join(outputDir, 'runs')}`);
  return last;
}

/** Lines of a captured non-TTY stderr that report one paper's outcome, e.g. `[2/5] summarized 2509.10002v1 …`. */
export function outcomeLines(stderr: string, outcome: 'summarized' | 'skipped' | 'failed'): string[] {
  return stderr.split('\n').filter((line) => new RegExp(`\\[\\d+/\\d+\\] ${outcome} `).test(line));
}
