// summarize serve under load: N requests from C concurrent clients (pages, /healthz, votes written), in its own
// process as systemd runs it (the built command: npm run build first); prints requests/s, latency and the server's resident memory before, at peak and after.
// npm run bench:serve -- [--requests 20000] [--clients 50]
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signReaderToken } from '../src/mail/sign-reader-token.js';
import { openReadersDatabase } from '../src/readers/open-readers-database.js';
import { createReadersStore } from '../src/readers/readers-store.js';
import { makeSampleBriefs } from '../test/helpers/sample-brief.js';
import { makePaperIds, publishPaperFiles } from '../test/helpers/publish-paper-files.js';
import { storeEdition } from '../test/helpers/store-edition.js';
import { readPositive } from './bench-support.js';

const SECRET = 'bench-secret-of-at-least-16-chars';
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { requests: { type: 'string', default: '20000' }, clients: { type: 'string', default: '50' } } });
const total = readPositive('--requests', values.requests);
const clients = readPositive('--clients', values.clients);

const root = await mkdtemp(join(tmpdir(), 'arxiv-brief-bench-serve-'));
let serverProcess: ChildProcess | undefined;
let sampler: NodeJS.Timeout | undefined;
try {
  await storeEdition(join(root, 'output'), '2025-01-31', makeSampleBriefs());
  // Votes are taken only on published papers.
  const papers = makePaperIds(997);
  await publishPaperFiles(join(root, 'output'), papers);
  const readers = Array.from({ length: 100 }, (_, index) => `reader${index}@example.org`);
  const connection = openReadersDatabase(join(root, 'data', 'readers.sqlite'), { create: true })!;
  createReadersStore(connection).addMany(readers.map((address) => ({ address })), 'active', 'en');
  connection.close();

  const server = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/summarize.js'), 'serve', '--port', '0', '--quiet', '--out', join(root, 'output')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: root, SUMMARIZE_UNSUBSCRIBE_SECRET: SECRET, SUMMARIZE_DATA_DIR: join(root, 'data') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  serverProcess = server;
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    server.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) resolve(match[1]!);
    });
    server.once('exit', () => reject(new Error(`serve exited:\n${log}`)));
  });
  const readRss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
  // Warm up: the first requests load the modules.
  for (const path of ['/', '/healthz', '/digests/2025-01-31.html']) await (await fetch(`${url}${path}`)).arrayBuffer();
  const rssBefore = readRss();
  let rssPeak = rssBefore;
  sampler = setInterval(() => (rssPeak = Math.max(rssPeak, readRss())), 100);

  const paths = ['/', '/digests/2025-01-31.html', '/healthz', '/feed.xml', '/index.html'];
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const index = next++;
        const begin = performance.now();
        try {
          // One request in five writes a vote, the rest read pages.
          const answer =
            index % 5 === 4
              ? await fetch(voteUrl(url, readers[index % readers.length]!, papers[index % papers.length]!), { method: 'POST' })
              : await fetch(`${url}${paths[index % paths.length]}`);
          await answer.arrayBuffer();
          if (answer.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssAfter = readRss();
  latencies.sort((first, second) => first - second);
  const percentile = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!.toFixed(1);
  console.log(`requests:        ${total} from ${clients} clients (1 in 5 a vote written), ${errors} errors`);
  console.log(`throughput:      ${(total / seconds).toFixed(0)} requests/s (${seconds.toFixed(2)} s)`);
  console.log(`latency:         p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms`);
  console.log(`server memory:   RSS ${rssBefore.toFixed(1)} MB before, ${rssPeak.toFixed(1)} MB at peak, ${rssAfter.toFixed(1)} MB after`);
} finally {
  // A failed run stops its server too, or it outlives the script and holds the folder being removed.
  clearInterval(sampler);
  serverProcess?.kill('SIGTERM');
  await rm(root, { recursive: true, force: true });
}

function voteUrl(url: string, address: string, paper: string): string {
  return `${url}/feedback?paper=${paper}&vote=up&address=${address}&token=${signReaderToken(SECRET, { kind: 'feedback', address, paperId: paper })}`;
}
