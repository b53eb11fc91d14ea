import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';
import { makeNightlyPapers, NIGHT } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

// Keys of other shapes than OpenAI's: Azure OpenAI (32 hex digits), Google (AIza…), OpenRouter (sk-or-v1-…).
const KEYS = {
  azure: '3f9a1c7be20d4e86a5b1c2d3e4f50617',
  google: 'AIzaSyD4kQ9xR2mT7vB1nC8wE3fG6hJ0lK5pZ_u',
  openrouter: 'sk-or-v1-5d1c0ffee0ddba11ab0de5eed0f1ce2d',
};
const SMTP_PASSWORD = 'mail-Pa55word-7731';

let services: FakeServices;
let leakyLlm: FakeOpenAi;

afterEach(async () => {
  await Promise.all([services?.close(), leakyLlm?.close()]);
});

/** An LLM server that quotes the key it was sent in every error body: 400 for paper 1, 403 for paper 2, 500 for paper 3. */
async function startLeakyLlm(): Promise<FakeOpenAi> {
  const statusOfPaper: Record<string, number> = { 'Nightly Paper 1': 400, 'Nightly Paper 2': 403, 'Nightly Paper 3': 500 };
  return startFakeOpenAi({
    responder: (body, request) => {
      const key = String(request.headers.authorization).replace(/^Bearer /, '');
      const conversation = JSON.stringify(body.messages);
      const title = Object.keys(statusOfPaper).find((candidate) => conversation.includes(candidate));
      return {
        status: title ? statusOfPaper[title] : 500,
        // The 500 is retried: without delay, so the test stays fast.
        headers: { 'retry-after': '0' },
        body: { error: { message: `Key ${key} is not allowed here (key: ${key})`, type: 'invalid_request_error', param: null, code: null } },
      };
    },
  });
}

async function readEveryFile(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const texts = await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

describe('secrets never leave the process', () => {
  for (const [shape, key] of Object.entries(KEYS)) {
    it(`keeps a ${shape}-style key out of stdout, stderr and every output file when the LLM echoes it (400, 403, 500)`, async () => {
      const papers = await makeNightlyPapers(3);
      services = await startFakeServices(papers);
      services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
      leakyLlm = await startLeakyLlm();
      const env = {
        ...services.env,
        OPENAI_API_KEY: key,
        OPENAI_BASE_URL: leakyLlm.baseUrl,
        SMTP_URL: `smtps://digest%40example.org:${SMTP_PASSWORD}@127.0.0.1:1/`,
      };

      const single = await runCliCaptured([...papers.map((paper) => paper.id), '--json'], env);
      const night = await runCliCaptured(['nightly', '--date', NIGHT], env);

      // The server did answer with the key in its body, and each run failed.
      expect(leakyLlm.requests.length).toBeGreaterThan(3);
      expect(single.code).toBe(1);
      expect(night.code).not.toBe(0);
      expect(single.stderr + night.stderr).toContain('[redacted]');
      const everything = [single.stdout, single.stderr, night.stdout, night.stderr, await readEveryFile(services.outputDir)].join('\n');
      expect(everything).not.toContain(key);
      expect(everything).not.toContain(SMTP_PASSWORD);
    });
  }

  it('keeps a proxy password in OPENAI_BASE_URL out of stderr and the run report', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    const password = 'Pr0xy-Pa55w0rd-42';
    // A proxy's login stands in for the key.
    const { OPENAI_API_KEY: _key, ...withoutKey } = services.env;
    const env = { ...withoutKey, OPENAI_BASE_URL: `http://brief:${password}@127.0.0.1:1/v1` };

    const result = await runCliCaptured([papers[0]!.id], env);

    expect(result.code).toBe(1);
    const everything = [result.stdout, result.stderr, await readEveryFile(services.outputDir)].join('\n');
    expect(result.stderr).toContain('could not reach the LLM server');
    expect(everything).not.toContain(password);
  });

  it('sends a login in OPENAI_BASE_URL as HTTP Basic auth, and refuses a login and a key together before any request', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    const password = 'Pr0xy-Pa55w0rd-42';
    const { OPENAI_API_KEY: _key, ...withoutKey } = services.env;
    const login = services.env.OPENAI_BASE_URL!.replace('http://', `http://brief:${password}@`);

    const both = await runCliCaptured([papers[0]!.id], { ...services.env, OPENAI_BASE_URL: login });
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/OPENAI_BASE_URL: holds a login \(user:password@\) and OPENAI_API_KEY is set too/);
    expect(both.stderr).not.toContain(password);
    expect(services.arxiv.requests).toHaveLength(0);
  });
});
