// Writes the reference that comes from the code, so it cannot drift (npm run docs): .env.example and the
// settings tables of docs/configuration.md from src/config/setting-docs.ts, docs/commands.md from each command's --help.
import { readFileSync, writeFileSync } from 'node:fs';
import { COMMAND_HELP } from '../src/cli/help-text.js';
import { type Config, ENV_NAMES } from '../src/config/config-schema.js';
import { SETTING_DOCS, SETTING_GROUPS, type SettingDoc } from '../src/config/setting-docs.js';

const TABLE_START = '<!-- settings: written by `npm run docs` from src/config/setting-docs.ts; edit that file, not these tables -->';
const TABLE_END = '<!-- end of settings -->';

const envExamplePath = new URL('../.env.example', import.meta.url);
const configurationPath = new URL('../docs/configuration.md', import.meta.url);
const commandsPath = new URL('../docs/commands.md', import.meta.url);

writeFileSync(envExamplePath, renderEnvExample());
writeFileSync(configurationPath, replaceSettingsTables(readFileSync(configurationPath, 'utf8')));
writeFileSync(commandsPath, renderCommandsPage());
console.log(`wrote ${envExamplePath.pathname}, the settings of ${configurationPath.pathname} and ${commandsPath.pathname}`);

// --- internal ---

function settingsOf(group: string): Array<[string, SettingDoc]> {
  return (Object.entries(SETTING_DOCS) as Array<[keyof Config, SettingDoc]>)
    .filter(([, doc]) => doc.group === group)
    .map(([key, doc]) => [ENV_NAMES[key], doc]);
}

function renderEnvExample(): string {
  const header = [
    '# arxiv-brief configuration. Copy to .env (never commit .env) or set in the environment;',
    '# a variable set in the environment wins over this file, and flags (--model, --out, ...) win over both.',
    '# An empty value is the default. Written by `npm run docs` from src/config/setting-docs.ts;',
    '# docs/configuration.md explains each setting.',
  ];
  const groups = SETTING_GROUPS.map((group) => {
    const settings = settingsOf(group).map(([name, doc]) => {
      const unset = doc.default === undefined ? `If unset: ${doc.whenUnset}` : `Default: ${doc.default}`;
      return [...wrapComment(plain(doc.description)), ...wrapComment(plain(unset)), `${name}=`].join('\n');
    });
    return [`# --- ${group} ---`, ...settings].join('\n\n');
  });
  return `${[header.join('\n'), ...groups].join('\n\n')}\n`;
}

function replaceSettingsTables(page: string): string {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`docs/configuration.md has no ${TABLE_START} … ${TABLE_END} block`);
  const tables = SETTING_GROUPS.map((group) => {
    const rows = settingsOf(group).map(([name, doc]) => renderTableRow([`\`${name}\``, doc.default === undefined ? doc.whenUnset! : `\`${doc.default}\``, doc.description]));
    return [`### ${group}`, '', '| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
  });
  return `${page.slice(0, start)}${TABLE_START}\n\n${tables.join('\n\n')}\n\n${page.slice(end)}`;
}

function renderCommandsPage(): string {
  const sections = Object.entries(COMMAND_HELP).map(([command, help]) => {
    const title = command === 'summarize' ? 'summarize <arxiv-id>' : `summarize ${command}`;
    return `## \`${title}\`\n\n\`\`\`text\n${help}\`\`\`\n`;
  });
  const intro = [
    '# Commands',
    '',
    "Each command's `--help`, as it prints it (written by `npm run docs` from `src/cli/help-text.ts`).",
    'Installed as a package, the command is also called `arxiv-brief`.',
    '',
  ];
  return `${intro.join('\n')}\n${sections.join('\n')}`;
}

// A bare `|` in a cell would start the next one on GitHub.
function renderTableRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

// Comments in .env.example are plain text: no markdown backticks.
function plain(text: string): string {
  return text.replace(/`/g, '');
}

function wrapComment(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > width && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}
