import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Token, type Tokens, lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Config, ConfigSchema, ENV_NAMES } from '../../src/config/config-schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { SETTING_DOCS, type SettingDoc } from '../../src/config/setting-docs.js';

const CONFIGURATION_PAGE = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
const ENV_EXAMPLE = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const DOCUMENTED = Object.entries(SETTING_DOCS) as Array<[keyof Config, SettingDoc]>;
const STALE = 'out of date: run `npm run docs`';
// No .env is read, so only what a test passes counts.
const NO_ENV_FILE = '/nonexistent/.env';
// Settings whose default depends on the machine or is an empty table, and a phrase their words must hold.
const COMPUTED_DEFAULTS: Partial<Record<keyof Config, string>> = {
  cacheDir: '$XDG_CACHE_HOME/arxiv-brief',
  promptsDir: '`prompts/`',
  prices: 'built-in table',
};


afterEach(() => {
  vi.unstubAllEnvs();
});

describe('every setting is documented once, with the default the code uses', () => {
  it('documents exactly the settings the schema reads, each with its variable', () => {
    const schemaKeys = Object.keys(ConfigSchema.shape).sort();
    expect(Object.keys(SETTING_DOCS).sort()).toEqual(schemaKeys);
    expect(Object.keys(ENV_NAMES).sort()).toEqual(schemaKeys);
  });

  it.each(DOCUMENTED)('%s: a fixed default, or words for what happens when unset, not both', (_key, doc) => {
    expect([doc.default, doc.whenUnset].filter((value) => value !== undefined)).toHaveLength(1);
  });

  it.each(DOCUMENTED.filter(([, doc]) => doc.default !== undefined))('%s: setting the documented default changes nothing', (key, doc) => {
    const unset = loadConfig({ env: {}, envFile: NO_ENV_FILE });
    const given = loadConfig({ env: { [ENV_NAMES[key]]: doc.default }, envFile: NO_ENV_FILE });
    expect(unset[key]).toBeDefined();
    expect(given).toEqual(unset);
  });

  it.each(DOCUMENTED.filter(([key, doc]) => doc.whenUnset !== undefined && !(key in COMPUTED_DEFAULTS)))('%s: has no default value, as its words say', (key) => {
    expect(loadConfig({ env: {}, envFile: NO_ENV_FILE })[key]).toBeUndefined();
  });

  it('computes the defaults described in words where the code computes them', () => {
    vi.stubEnv('XDG_CACHE_HOME', '');
    const withoutXdg = loadConfig({ env: {}, envFile: NO_ENV_FILE });
    expect(withoutXdg.cacheDir).toBe(join(homedir(), '.cache', 'arxiv-brief'));
    vi.stubEnv('XDG_CACHE_HOME', '/var/cache/someone');
    const config = loadConfig({ env: {}, envFile: NO_ENV_FILE });
    expect(config.cacheDir).toBe('/var/cache/someone/arxiv-brief');
    expect(config.promptsDir).toBe(fileURLToPath(new URL('../../prompts', import.meta.url)));
    expect(config.prices).toEqual({});
    for (const key of Object.keys(COMPUTED_DEFAULTS) as Array<keyof Config>) expect(SETTING_DOCS[key].whenUnset).toContain(COMPUTED_DEFAULTS[key]);
  });
});

describe("docs/configuration.md's tables", () => {
  const rows = settingsRows();

  it('list every setting once and nothing else', () => {
    expect(rows.map((row) => row.name).sort(), STALE).toEqual(Object.values(ENV_NAMES).sort());
  });

  it.each(DOCUMENTED)('%s: its default and meaning as documented', (key, doc) => {
    const row = rows.find((candidate) => candidate.name === ENV_NAMES[key]);
    expect(row?.defaultCell, STALE).toBe(doc.default === undefined ? doc.whenUnset : `\`${doc.default}\``);
    expect(row?.meaning, STALE).toBe(doc.description);
  });
});

describe('.env.example', () => {
  const entries = envExampleEntries();

  it('lists every setting once and nothing else, each empty so a copy sets nothing', () => {
    expect(entries.map((entry) => entry.name).sort(), STALE).toEqual(Object.values(ENV_NAMES).sort());
    expect(entries.filter((entry) => entry.value !== '').map((entry) => entry.name)).toEqual([]);
  });

  it.each(DOCUMENTED)('%s: its comment gives the documented default', (key, doc) => {
    const entry = entries.find((candidate) => candidate.name === ENV_NAMES[key]);
    const expected = doc.default === undefined ? `If unset: ${doc.whenUnset}` : `Default: ${doc.default}`;
    expect(entry?.comment, STALE).toContain(expected.replace(/`/g, ''));
  });
});

// --- internal ---

function settingsRows(): Array<{ name: string; defaultCell: string; meaning: string }> {
  const start = CONFIGURATION_PAGE.indexOf('<!-- settings:');
  const end = CONFIGURATION_PAGE.indexOf('<!-- end of settings -->');
  const tables = lexer(CONFIGURATION_PAGE.slice(start, end)).filter((token: Token): token is Tokens.Table => token.type === 'table');
  return tables.flatMap((table) =>
    table.rows.map(([name, defaultCell, meaning]) => ({
      name: name!.text.replace(/`/g, ''),
      defaultCell: defaultCell!.text.replace(/\\\|/g, '|'),
      meaning: meaning!.text.replace(/\\\|/g, '|'),
    })),
  );
}

function envExampleEntries(): Array<{ name: string; value: string; comment: string }> {
  const entries: Array<{ name: string; value: string; comment: string }> = [];
  let comment: string[] = [];
  for (const line of ENV_EXAMPLE.split('\n')) {
    const assignment = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (assignment) entries.push({ name: assignment[1]!, value: assignment[2]!, comment: comment.join(' ') });
    comment = line.startsWith('#') ? [...comment, line.replace(/^#\s?/, '')] : [];
  }
  return entries;
}
