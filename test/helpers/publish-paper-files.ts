import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `2509.10000`, `2509.10001`, …: `count` new-style arXiv IDs for papers a test votes on. */
export function makePaperIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `2509.${String(10000 + index).padStart(5, '0')}`);
}

/** Puts each paper's page in `<outputDir>/papers/` as publishing does, so the server takes votes on it; the page itself is a stub. */
export async function publishPaperFiles(outputDir: string, paperIds: readonly string[]): Promise<void> {
  await mkdir(join(outputDir, 'papers'), { recursive: true });
  await Promise.all(paperIds.map((id) => writeFile(join(outputDir, 'papers', `${id}v1.html`), `<!doctype html><title>arXiv:${id}</title>\n`)));
}
