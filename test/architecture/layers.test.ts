import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

// Layers point one way: cli → pipeline → the rest. A lower layer reaching up is a cycle waiting to happen.
const FORBIDDEN: Array<{ from: RegExp; to: RegExp; why: string }> = [
  { from: /^(?!cli\/)/, to: /^cli\//, why: 'only the CLI may import the CLI' },
  { from: /^(?!cli\/|pipeline\/)/, to: /^pipeline\//, why: 'the pipeline orchestrates the rest, not the other way round' },
];

describe('source layers', () => {
  it('no module imports from a layer above it', () => {
    const violations: string[] = [];
    for (const file of listSources(SRC)) {
      const from = relative(SRC, file).split('\\').join('/');
      for (const specifier of readImports(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const to = relative(SRC, join(file, '..', specifier)).split('\\').join('/');
        for (const rule of FORBIDDEN) if (rule.from.test(from) && rule.to.test(to)) violations.push(`${from} imports ${to}: ${rule.why}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('command files parse flags and call the pipeline, never the lower layers that do the work', () => {
    const commands = listSources(join(SRC, 'cli', 'commands'));
    const heavy = /\/(arxiv\/create-arxiv-queue|pdf\/extract-text|pdf\/download-pdf|llm\/create-llm-client|pipeline\/run-papers|output\/write-file-atomic)\.js$/;
    const violations = commands.flatMap((file) => readImports(readFileSync(file, 'utf8')).filter((specifier) => heavy.test(specifier)).map((specifier) => `${relative(SRC, file)} imports ${specifier}`));
    expect(violations).toEqual([]);
  });
});

// --- internal ---

function listSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

function readImports(source: string): string[] {
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((match) => (match[1] ?? match[2])!);
}
