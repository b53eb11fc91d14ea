import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';

const COMMANDS_FOLDER = fileURLToPath(new URL('../../src/cli/commands/', import.meta.url));

// Each command's flags as its file declares them to parseCommandArgs, the one place a flag is accepted.
const ACCEPTED_FLAGS = readAcceptedFlags();

describe('each command documents exactly the flags it accepts', () => {
  it('finds the flags of every command', () => {
    expect(Object.keys(ACCEPTED_FLAGS).sort()).toEqual(['digest', 'doctor', 'issue', 'nightly', 'podcast', 'readers', 'send', 'serve', 'summarize', 'text']);
  });

  for (const [command, flags] of Object.entries(ACCEPTED_FLAGS)) {
    it(`${command} --help names every flag it accepts, in its usage and in its list`, async () => {
      const help = (await runCliCaptured(helpArguments(command), {})).stdout;
      const [usage, ...rest] = help.split('\n\n');
      const missing = flags.filter((flag) => !mentions(usage!, flag) || !mentions(rest.join('\n\n'), flag));
      expect(missing, `flags of ${command} missing from its --help`).toEqual([]);
    });

    it(`${command}'s entry in summarize --help names every flag it accepts`, async () => {
      const entry = usageEntry((await runCliCaptured(['--help'], {})).stdout, command);
      expect(flags.filter((flag) => !mentions(entry, flag)), `flags of ${command} missing from summarize --help`).toEqual([]);
    });

    it(`${command} accepts every flag its --help lists`, async () => {
      const help = (await runCliCaptured(helpArguments(command), {})).stdout;
      for (const flag of listedFlags(help)) {
        // The unknown flag after it stops the command before it does anything.
        const result = await runCliCaptured([...commandArguments(command), `--${flag}`, '--no-such-flag-anywhere'], {});
        expect(result.code).toBe(2);
        expect(result.stderr, `${command} --${flag}`).not.toContain(`Unknown option '--${flag}'`);
      }
    });
  }

  it("docs/commands.md shows each command's --help as it prints it", async () => {
    const page = readFileSync(new URL('../../docs/commands.md', import.meta.url), 'utf8');
    for (const command of Object.keys(ACCEPTED_FLAGS)) {
      const help = (await runCliCaptured(helpArguments(command), {})).stdout;
      expect(page, `${command}: out of date, run \`npm run docs\``).toContain(`\`\`\`text\n${help}\`\`\``);
    }
  });
});

// --- internal ---

function readAcceptedFlags(): Record<string, string[]> {
  const flagsByCommand: Record<string, string[]> = {};
  for (const file of readdirSync(COMMANDS_FOLDER).filter((name) => name.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(COMMANDS_FOLDER + file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText() === 'parseCommandArgs') {
        const [name, , options] = node.arguments;
        const command = name && ts.isStringLiteral(name) ? name.text : 'summarize';
        if (options && ts.isObjectLiteralExpression(options)) {
          flagsByCommand[command] = options.properties.map((property) => property.name!.getText().replace(/^'|'$/g, ''));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return flagsByCommand;
}

function commandArguments(command: string): string[] {
  return command === 'summarize' ? ['2509.08721'] : [command];
}

function helpArguments(command: string): string[] {
  return [...commandArguments(command), '--help'];
}

function mentions(text: string, flag: string): boolean {
  return new RegExp(`--${flag}(?![a-z-])`).test(text);
}

// The lines of `summarize --help`'s Usage from the command's usage to the next command's.
function usageEntry(help: string, command: string): string {
  const lines = help.split('\n');
  const start = lines.findIndex((line) => line.startsWith(command === 'summarize' ? '  summarize <arxiv-id>' : `  summarize ${command} `));
  const length = lines.slice(start + 1).findIndex((line) => /^ {2}summarize |^$/.test(line));
  return lines.slice(start, start + 1 + length).join('\n');
}

// Flags in the usage paragraph and on the option lines, leaving out those quoted from other commands (`summarize send --help`).
function listedFlags(help: string): string[] {
  const [usage, ...rest] = help.split('\n\n');
  const optionLines = rest.join('\n').split('\n').filter((line) => /^\s+--/.test(line));
  const text = [usage, ...optionLines].join('\n').replace(/`[^`]*`/g, '');
  return [...new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((match) => match[1]!))];
}
