import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { signReaderToken } from '../../src/mail/sign-reader-token.js';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { createReadersStore } from '../../src/readers/readers-store.js';
import { makePaperIds, publishPaperFiles } from '../helpers/publish-paper-files.js';

const SECRET = 'a-test-secret-of-32-characters!!';
// The built command, as systemd runs it (npm test builds dist/ first).
const CLI = fileURLToPath(new URL('../../bin/summarize.js', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READERS = Array.from({ length: 20 }, (_, index) => `reader${index}@example.org`);
// Votes are taken only on published papers: more than the readers get through before the kill.
const PAPERS = makePaperIds(100);

let root: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-serve-process-'));
  const connection = openReadersDatabase(join(root, 'data', 'readers.sqlite'), { create: true })!;
  createReadersStore(connection).addMany(READERS.map((address) => ({ address })), 'active', 'en');
  connection.close();
  await publishPaperFiles(join(root, 'output'), PAPERS);
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

// `summarize serve` as systemd runs it: its own process, on a free port it names on stderr.
async function startServeProcess(): Promise<{ url: string; exited: Promise<{ code: number | null; signal: string | null; stderr: string }> }> {
  const process_ = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--out', join(root, 'output')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: root, SUMMARIZE_UNSUBSCRIBE_SECRET: SECRET, SUMMARIZE_DATA_DIR: join(root, 'data') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child = process_;
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => process_.once('exit', (code, signal) => resolve({ code, signal, stderr })));
  const url = await new Promise<string>((resolve, reject) => {
    process_.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`serve exited before listening:\n${stderr}`)));
  });
  return { url, exited };
}

const voteUrl = (url: string, address: string, paper: string, vote: string) =>
  `${url}/feedback?paper=${paper}&vote=${vote}&address=${address}&token=${signReaderToken(SECRET, { kind: 'feedback', address, paperId: paper })}`;

it('killed (SIGKILL) while votes are being written, the database opens clean with every vote it acknowledged', async () => {
  const { url, exited } = await startServeProcess();
  const acknowledged = new Set<string>();
  let killed = false;
  const voters = READERS.map(async (address, index) => {
    for (let paper = 0; !killed && paper < PAPERS.length; paper++) {
      const paperId = PAPERS[paper]!;
      try {
        const answer = await fetch(voteUrl(url, address, paperId, (paper + index) % 2 === 0 ? 'up' : 'down'), { method: 'POST' });
        if (answer.status === 200) acknowledged.add(`${address} ${paperId}`);
      } catch {
        return;
      }
      // Killed once plenty of votes are in and the others are still in flight.
      if (acknowledged.size >= 200 && !killed) {
        killed = true;
        child!.kill('SIGKILL');
      }
    }
  });
  await Promise.all(voters);
  expect((await exited).signal).toBe('SIGKILL');

  const connection = openReadersDatabase(join(root, 'data', 'readers.sqlite'))!;
  expect(connection.pragma('integrity_check', { simple: true })).toBe('ok');
  const recorded = new Set(createReadersStore(connection).listVotes().map((vote) => `${vote.address} ${vote.paperId}`));
  connection.close();
  expect([...acknowledged].filter((vote) => !recorded.has(vote))).toEqual([]);
  expect(acknowledged.size).toBeGreaterThanOrEqual(200);
});

it('stops cleanly on SIGTERM: the request under way is answered, then it exits 0', async () => {
  const { url, exited } = await startServeProcess();
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  // The server's 100 Continue proves it holds the request (an event, not a race with connect); the body follows the signal.
  const vote = request(voteUrl(url, READERS[0]!, PAPERS[0]!, 'up'), { method: 'POST', headers: { expect: '100-continue', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' } });
  const answer = new Promise<number>((resolve, reject) => {
    vote.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    vote.once('error', reject);
  });
  await new Promise<void>((resolve) => vote.once('continue', () => resolve()));
  child!.kill('SIGTERM');
  vote.end();
  expect(await answer).toBe(200);
  const { code, stderr } = await exited;
  expect(code).toBe(0);
  expect(stderr).toContain('SIGTERM: stopping');
  expect(stderr).toContain('stopped');
  expect(stderr).not.toContain('reader0@');
});
