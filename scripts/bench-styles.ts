// Benchmarks what each style adds to a night: `nightly` briefs N papers (the reference), then a rerun adds each
// style in turn (blurb, commentary, podcast), against local fakes with a fixed model latency.
// Usage: npm run bench:styles -- [--papers 8] [--llm-latency-ms 400]
// Prints per style its wall time, model calls, tokens and cost, each as a ratio to the brief's run, and the PDF
// requests it made (0: every style reads the paper text from the cache).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunReport } from '../src/run/run-report.js';
import { makeNightlyPapers } from '../test/helpers/nightly-papers.js';
import { runCliCaptured } from '../test/helpers/run-cli-captured.js';
import { startFakeServices } from '../test/helpers/start-fake-services.js';
import { formatSeconds, readNewestReport, readPositive } from './bench-support.js';

const DATE = '2025-09-10';
const { values } = parseArgs({ options: { papers: { type: 'string', default: '8' }, 'llm-latency-ms': { type: 'string', default: '400' } } });
const count = readPositive('--papers', values.papers);
const papers = await makeNightlyPapers(count);
const services = await startFakeServices(papers, { latencyMs: readPositive('--llm-latency-ms', values['llm-latency-ms']) });
services.hf.setDay(DATE, papers.map((paper) => paper.id));

try {
  const rows: Array<{ label: string; ms: number; calls: number; inputTokens: number; outputTokens: number; costUsd: number; pdfs: number }> = [];
  for (const [label, styles] of [
    ['brief', 'brief'],
    ['+ blurb', 'brief,blurb'],
    ['+ commentary', 'brief,blurb,commentary'],
    ['+ podcast', 'brief,blurb,commentary,podcast'],
  ] as const) {
    const callsBefore = services.openai.requests.length;
    const pdfsBefore = services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/')).length;
    const startedAt = performance.now();
    const result = await runCliCaptured(['nightly', '--date', DATE, '--source', 'hf', '--style', styles, '--quiet'], services.env);
    const ms = performance.now() - startedAt;
    if (result.code !== 0) throw new Error(`nightly --style ${styles} exited ${result.code}: ${result.stderr}`);
    const report: RunReport = await readNewestReport(join(services.outputDir, 'runs'));
    rows.push({
      label,
      ms,
      calls: services.openai.requests.length - callsBefore,
      inputTokens: report.totals.inputTokens,
      outputTokens: report.totals.outputTokens,
      costUsd: (report.totals.costUsd ?? 0) + (report.styles?.costUsd ?? 0),
      pdfs: services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/')).length - pdfsBefore,
    });
  }
  const reference = rows[0]!;
  const ratio = (value: number, of: number) => (of === 0 ? '–' : `${(value / of).toFixed(2)}x`);
  console.log(`${count} papers, model latency ${values['llm-latency-ms']} ms; each row is a rerun adding one style to what is stored`);
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(13)} ${formatSeconds(row.ms).padStart(7)} (${ratio(row.ms, reference.ms)})  ${String(row.calls).padStart(3)} calls (${ratio(row.calls, reference.calls)})  ` +
        `${row.inputTokens + row.outputTokens === 0 ? 'tokens in the run report\'s styles step' : `${row.inputTokens} in / ${row.outputTokens} out tokens`}  $${row.costUsd.toFixed(4)} (${ratio(row.costUsd, reference.costUsd)} of the brief's)  PDF requests ${row.pdfs}`,
    );
  }
} finally {
  await services.close();
}
