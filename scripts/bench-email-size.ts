// Weighs the email of a 25-paper day without SUMMARIZE_PUBLIC_URL (the flowcharts travel inside it) as the SMTP server
// receives it: as sent now (each image at twice the width it is shown), and, as the reference in the same run, the same
// message with each flowchart's full PNG attached as it is stored (what was sent before).
// Usage: npx tsx scripts/bench-email-size.ts [--papers 25]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config.js';
import { buildRawMessage } from '../src/smtp/build-raw-message.js';
import { composeEditionMessage } from '../src/mail/compose-edition-message.js';
import { renderEmailEdition } from '../src/mail/render-email-edition.js';
import { getBriefPaths } from '../src/output/brief-store.js';
import { readEditionWithEpisode } from '../src/publish/read-edition-with-episode.js';
import { sendEdition } from '../src/send/send-edition.js';
import { makeSampleBrief, makeSampleBriefs } from '../test/helpers/sample-brief.js';
import { storeEdition } from '../test/helpers/store-edition.js';
import { mark, readPositive } from './bench-support.js';

const DATE = '2025-01-31';
const TARGET_BYTES = 300_000;
const { values } = parseArgs({ options: { papers: { type: 'string', default: '25' } } });
const papers = readPositive('--papers', values.papers);

const root = await mkdtemp(join(tmpdir(), 'arxiv-brief-bench-email-'));
try {
  const outputDir = join(root, 'output');
  const samples = makeSampleBriefs();
  const briefs = Array.from({ length: papers }, (_, index) => {
    const sample = samples[index % samples.length]!;
    return makeSampleBrief({ ...sample, paper: { ...sample.paper, id: `2501.${String(10_000 + index)}` } });
  });
  await storeEdition(outputDir, DATE, briefs);
  const config = loadConfig({ env: { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_MAIL_TO: 'ada@example.com' }, envFile: join(root, 'no.env') });

  const sent = await sendEdition(config, { date: DATE, dryRun: true, log: () => undefined });
  const now = (await readFile(sent.emlPath!)).length;

  const edition = await readEditionWithEpisode(outputDir, DATE);
  const email = renderEmailEdition(edition, {});
  const stored = email.images.map((image) => ({ path: getBriefPaths(outputDir, image.paperId, image.version, image.language).flowchartPng, filename: image.filename, cid: image.cid, contentType: 'image/png' }));
  const message = composeEditionMessage({ date: DATE, paperCount: papers, email, from: 'brief@example.org', to: 'ada@example.com', attachments: stored, acceptedCopies: 0, sentAt: new Date() });
  const reference = (await buildRawMessage(message, undefined)).length;

  const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`${papers}-paper email without a public URL, as sent (${email.images.length} flowcharts inside, ${email.shownInFull} papers in full):`);
  console.log(`  full-size PNGs (reference): ${kilobytes(reference)}`);
  console.log(`  at twice the shown width:   ${kilobytes(now)}  (${(now / reference).toFixed(2)}x the reference; target under ${kilobytes(TARGET_BYTES)}: ${mark(now < TARGET_BYTES)})`);
} finally {
  await rm(root, { recursive: true, force: true });
}
