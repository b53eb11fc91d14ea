import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type FakeChat, startFakeChat } from '../fakes/fake-chat-server.js';
import { makeSampleBrief } from './sample-brief.js';

/** A fresh output folder and fake chat server for each test of the file (vitest hooks); read its fields inside a test. */
export function useChatFolder(): { readonly root: string; readonly outputDir: string; readonly chat: FakeChat } {
  const state = {} as { root: string; outputDir: string; chat: FakeChat };
  beforeEach(async () => {
    state.root = await mkdtemp(join(tmpdir(), 'arxiv-brief-chat-'));
    state.outputDir = join(state.root, 'output');
    state.chat = await startFakeChat();
  });
  afterEach(async () => {
    await state.chat.close();
    await rm(state.root, { recursive: true, force: true });
  });
  return state;
}

/** Papers with long titles and TLDRs (`tldrRepeats` times a long word), so an edition of a few needs several chat messages. */
export function makeChatBriefs(count: number, { tldrRepeats = 6 }: { tldrRepeats?: number } = {}) {
  return Array.from({ length: count }, (_, index) =>
    makeSampleBrief({
      paper: { id: `2501.${String(10000 + index)}`, version: 1, title: `Paper ${index + 1} <on> "retrieval" & ${'long-context reasoning '.repeat(5)}`.trim() },
      tldr: `Paper ${index + 1} shows that ${'substantially-improved-retrieval-augmented-'.repeat(tldrRepeats)}models beat baselines on benchmarks.`,
    }),
  );
}
