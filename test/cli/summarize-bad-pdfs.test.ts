import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_PDFS_DIR, hasFixtures } from '../helpers/fixtures.js';
import { makeScannedLikePdf } from '../helpers/make-pdf.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;
afterEach(async () => {
  await services.close();
});

async function summarizeWithPdf(pdf: Uint8Array) {
  services = await startFakeServices([{ id: '2509.08721', title: 'A paper', pdf }]);
  return runCliCaptured(['2509.08721'], services.env);
}

function expectFailedWithoutOutput(result: { code: number; stderr: string }, cause: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/2509\.08721/);
  expect(result.stderr).toMatch(cause);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(join(services.outputDir, 'papers'))).toBe(false);
  expect(services.openai.requests).toHaveLength(0);
}

describe('a PDF that cannot be briefed fails that paper with its cause', () => {
  it('a page without a text layer', async () => {
    expectFailedWithoutOutput(await summarizeWithPdf(await makeScannedLikePdf(2)), /no extractable text \(scanned PDF\?\)/);
  });

  describe('a truncated download', () => {
    beforeEach(async () => {
      services = await startFakeServices([{ id: '2509.08721', title: 'A paper', pdf: await makePaperPdf('A paper') }]);
    });
    it('is reported as truncated, after the queue has retried it', async () => {
      services.arxiv.failNext('/pdf/', { truncate: true }, 4);
      const result = await runCliCaptured(['2509.08721'], services.env);
      expectFailedWithoutOutput(result, /truncated/);
    });
  });

  describe('a PDF that failed its checks is not kept in the cache', () => {
    it('a file cut short at the source fails, and the next run, given the whole PDF, succeeds', async () => {
      const whole = await makePaperPdf('A paper');
      let served = 0;
      // arXiv serves a cut file with a matching Content-Length once (the transfer itself is complete), then the real one.
      const pdf = () => (served++ === 0 ? whole.subarray(0, Math.floor(whole.length / 2)) : whole);
      services = await startFakeServices([{ id: '2509.08721', title: 'A paper', pdf }]);

      const first = await runCliCaptured(['2509.08721'], services.env);
      expectFailedWithoutOutput(first, /2509\.08721/);
      const second = await runCliCaptured(['2509.08721'], services.env);

      expect(second.stderr).not.toContain('internal error');
      expect(second.code).toBe(0);
      expect(served).toBe(2);
      expect(existsSync(join(services.outputDir, 'papers', '2509.08721v1.json'))).toBe(true);
    });

    it('a bad PDF already in the cache (left by an older version) is removed when it fails, and downloaded again next run', async () => {
      const whole = await makePaperPdf('A paper');
      services = await startFakeServices([{ id: '2509.08721', title: 'A paper', pdf: whole }]);
      const cachedPdf = join(services.cacheDir, 'pdf', '2509.08721v1.pdf');
      await mkdir(dirname(cachedPdf), { recursive: true });
      await writeFile(cachedPdf, whole.subarray(0, Math.floor(whole.length / 2)));

      const first = await runCliCaptured(['2509.08721'], services.env);
      expectFailedWithoutOutput(first, /2509\.08721/);
      expect(existsSync(cachedPdf)).toBe(false);
      const second = await runCliCaptured(['2509.08721'], services.env);

      expect(second.code).toBe(0);
      expect(services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/'))).toHaveLength(1);
    });
  });

  describe('summarize text does not keep a PDF that failed either', () => {
    it('a cut file fails `text`, and the next `text`, given the whole PDF, downloads it again', async () => {
      const whole = await makePaperPdf('A paper');
      let served = 0;
      const pdf = () => (served++ === 0 ? whole.subarray(0, Math.floor(whole.length / 2)) : whole);
      services = await startFakeServices([{ id: '2509.08721', title: 'A paper', pdf }]);

      const first = await runCliCaptured(['text', '2509.08721'], services.env);
      expect(first.code).toBe(1);
      const second = await runCliCaptured(['text', '2509.08721'], services.env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('A paper');
      expect(served).toBe(2);
      // Now it is whole, it is kept: a third look downloads nothing.
      await runCliCaptured(['text', '2509.08721'], services.env);
      expect(served).toBe(2);
    });
  });

  describe.skipIf(!hasFixtures)('real broken PDFs from ../shared/fixtures', () => {
    it('an encrypted PDF', async () => {
      const result = await summarizeWithPdf(readFileSync(join(FIXTURE_PDFS_DIR, 'x_encrypted_password-example.pdf')));
      expectFailedWithoutOutput(result, /encrypted/);
    });

    it('a scanned page', async () => {
      const result = await summarizeWithPdf(readFileSync(join(FIXTURE_PDFS_DIR, 'x_scanned_ocr_test.pdf')));
      expectFailedWithoutOutput(result, /no extractable text/);
    });

    it('a text file named .pdf', async () => {
      const result = await summarizeWithPdf(readFileSync(join(FIXTURE_PDFS_DIR, 'x_not_a_pdf_fake.pdf')));
      expectFailedWithoutOutput(result, /not a PDF|%PDF-/);
    });
  });
});
