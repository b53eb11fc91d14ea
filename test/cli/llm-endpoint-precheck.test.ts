import { afterEach, describe, expect, it } from 'vitest';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;
afterEach(async () => {
  await services?.close();
});

const pdfRequests = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/'));

async function start() {
  const papers = await makeNightlyPapers(3);
  services = await startFakeServices(papers);
  services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
  return papers;
}

describe('an endpoint certain to fail every paper', () => {
  it('a wrong key stops the night before any PDF: exit 1, one line, a failed report', async () => {
    await start();
    const result = await runCliCaptured(['nightly', '--date', NIGHT], { ...services.env, OPENAI_API_KEY: 'sk-wrong-0000000000000000' });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rejected the API key \(HTTP 401\): no paper can be summarized; check OPENAI_API_KEY/);
    expect(result.stderr).not.toContain('sk-wrong-0000000000000000');
    expect(pdfRequests()).toHaveLength(0);
    expect(services.openai.requests).toHaveLength(0);
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ status: 'failed', outcome: 'failed' });
  });

  it('an unknown model stops summarize <id> before its PDF, naming the models the server has', async () => {
    const [paper] = await start();
    const result = await runCliCaptured([paper!.id], { ...services.env, SUMMARIZE_MODEL: 'gpt-nope' });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not offer the model gpt-nope: no paper can be summarized; set SUMMARIZE_MODEL to a model it lists \(gpt-5-mini, gpt-4o-mini\)/);
    expect(pdfRequests()).toHaveLength(0);
  });
});
