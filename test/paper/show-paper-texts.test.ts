import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfFile } from '../../src/pdf/read-pdf-file.js';
import { showPaperTexts } from '../../src/paper/show-paper-texts.js';
import { UsageError } from '../../src/errors/brief-error.js';
import { createPdfExtractor } from '../../src/pdf/extract-text.js';
import { makePdf, makeScannedLikePdf } from '../helpers/make-pdf.js';

const BODY =
  'Summaries of papers are only as good as the text they read. We clean extracted text before a model sees it, ' +
  'and we measure what the cleaning removes from each paper in our collection of test documents.';

describe('showPaperTexts', () => {
  const extractor = createPdfExtractor({ poolSize: 1 });
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'text-command-'));
    await writeFile(
      join(folder, 'paper.pdf'),
      await makePdf({
        pages: [
          `Clean Paper\nIntroduction\n${BODY}\nrepre-\nsentation matters\n1`,
          `Clean Paper\nMethod\nWe read every page of every paper twice.\n${BODY.toUpperCase()}\n2`,
          `Clean Paper\nResults\nThe cleaning removes headers and page numbers.\n${BODY.toLowerCase()}\n3`,
        ],
      }),
    );
    await writeFile(join(folder, 'other.pdf'), await makePdf({ pages: [`Other Paper\n${BODY}\n${BODY}`] }));
    await writeFile(join(folder, 'fake.pdf'), '<html>rate limited</html>');
  });
  afterAll(async () => {
    await extractor.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function run(inputs: string[], stats = false) {
    let stdout = '';
    let stderr = '';
    const failures = await showPaperTexts(inputs, { stats }, {
      loadPdf: readPdfFile,
      extractor,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });
    return { failures, stdout, stderr };
  }

  it('prints the cleaned text of one PDF', async () => {
    const result = await run([join(folder, 'paper.pdf')]);
    expect(result).toMatchObject({ failures: 0, stderr: '' });
    expect(result.stdout).toContain('representation\nmatters');
    expect(result.stdout).not.toMatch(/^\d$/m);
    expect(result.stdout.match(/Clean Paper/g)).toHaveLength(1);
    expect(result.stdout).not.toContain('==>');
  });

  it('shows a short text too (a debugging aid), but still refuses a page with no text at all', async () => {
    await writeFile(join(folder, 'short.pdf'), await makePdf({ pages: ['A short note.'] }));
    await writeFile(join(folder, 'scanned.pdf'), await makeScannedLikePdf());
    const result = await run([join(folder, 'short.pdf'), join(folder, 'scanned.pdf')]);
    expect(result.failures).toBe(1);
    expect(result.stdout).toContain('A short note.');
    expect(result.stderr).toContain('no extractable text (scanned PDF?)');
  });

  it('separates several PDFs, reports a failing one on stderr and goes on', async () => {
    const inputs = ['paper.pdf', 'fake.pdf', 'missing.pdf', 'other.pdf'].map((name) => join(folder, name));
    const result = await run(inputs);
    expect(result.failures).toBe(2);
    expect(result.stdout).toContain('==> paper.pdf <==');
    expect(result.stdout).toContain('\n==> other.pdf <==\nOther Paper');
    expect(result.stderr).toContain(`${inputs[1]}: not a PDF`);
    expect(result.stderr).toContain(`cannot read ${inputs[2]}: no such file`);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('prints a stats table with pages, characters, tokens and what was removed', async () => {
    const result = await run([join(folder, 'paper.pdf'), join(folder, 'other.pdf')], true);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('| file | pages | chars raw | chars clean | tokens | removed | seconds |');
    expect(lines).toHaveLength(4);
    const cells = lines[2]!.split('|').map((cell) => cell.trim());
    expect(cells[1]).toBe('paper.pdf');
    expect(cells[2]).toBe('3');
    expect(Number(cells[4])).toBeLessThan(Number(cells[3]));
    expect(Number(cells[5])).toBeGreaterThan(50);
    expect(cells[6]).toContain('2 header/footer lines');
    expect(cells[6]).toContain('3 page numbers');
    expect(cells[6]).toContain('1 line-end split joined');
    expect(Number(cells[7])).toBeGreaterThan(0);
  });
});

describe('readPdfFile', () => {
  it('says which file is missing', async () => {
    await expect(readPdfFile('/nonexistent/paper.pdf')).rejects.toThrow(UsageError);
    await expect(readPdfFile('/nonexistent/paper.pdf')).rejects.toThrow('cannot read /nonexistent/paper.pdf: no such file');
  });
});
