import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const ARCHITECTURE = fileURLToPath(new URL('../../docs/architecture.md', import.meta.url));

// The order is written once, in docs/architecture.md's table; this test only reads it.
const LAYERS = readLayerTable(readFileSync(ARCHITECTURE, 'utf8'));

describe('source layers', () => {
  it('docs/architecture.md places every folder under src/ exactly once', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect([...LAYERS.keys()].sort()).toEqual(folders);
  });

  it('no module imports from its own layer or a layer above it', () => {
    const violations: string[] = [];
    for (const file of listSources(SRC)) {
      const from = relative(SRC, file).split('\\').join('/');
      const fromFolder = from.split('/')[0]!;
      for (const specifier of readImports(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const to = relative(SRC, join(file, '..', specifier)).split('\\').join('/');
        const toFolder = to.split('/')[0]!;
        if (toFolder === fromFolder || !LAYERS.has(toFolder) || !LAYERS.has(fromFolder)) continue;
        if (LAYERS.get(toFolder)! <= LAYERS.get(fromFolder)!) violations.push(`${from} (layer ${LAYERS.get(fromFolder)}) imports ${to} (layer ${LAYERS.get(toFolder)})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('only cli/ and config/ read process.env', () => {
    const readers = listSources(SRC)
      .map((file) => relative(SRC, file).split('\\').join('/'))
      .filter((file) => !/^(cli|config)\//.test(file))
      .filter((file) => /process\.env\b/.test(withoutComments(readFileSync(join(SRC, file), 'utf8'))));
    expect(readers).toEqual([]);
  });

  it('command files parse flags and call a job, never the lower layers that do the work', () => {
    const commands = listSources(join(SRC, 'cli', 'commands'));
    const heavy = /\/(arxiv\/create-arxiv-queue|pdf\/extract-text|pdf\/download-pdf|llm\/create-llm-client|paper\/run-papers|output\/write-file-atomic)\.js$/;
    const violations = commands.flatMap((file) => readImports(readFileSync(file, 'utf8')).filter((specifier) => heavy.test(specifier)).map((specifier) => `${relative(SRC, file)} imports ${specifier}`));
    expect(violations).toEqual([]);
  });
});

// --- internal ---

function readLayerTable(markdown: string): Map<string, number> {
  const layers = new Map<string, number>();
  for (const match of markdown.matchAll(/^\|\s*(\d+)\s*\|\s*`([a-z-]+)\/`\s*\|/gm)) layers.set(match[2]!, Number(match[1]));
  return layers;
}

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

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}
