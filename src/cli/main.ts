import { BriefError, ConfigError, UsageError } from '../errors/brief-error.js';
import { type CliIo, processIo } from './cli-io.js';
import type { Outcome } from '../pipeline/outcome.js';
import { EXIT_CODES } from './exit-codes.js';
import { COMMAND_HELP, HELP_TEXT } from './help-text.js';
import { readEnvFile } from '../config/read-env-file.js';
import { collectSecrets } from '../secrets/collect-secrets.js';
import { redactStream } from '../secrets/redact-stream.js';
import { readPackageVersion } from '../config/read-package-version.js';
import { suggestClosest } from './suggest-closest.js';

type Command = (argv: string[], io: CliIo) => Promise<Outcome>;

// Each command is loaded only when used, so `summarize --help` starts fast.
const COMMANDS: Record<string, () => Promise<Command>> = {
  text: async () => (await import('./commands/text.js')).runText,
  nightly: async () => (await import('./commands/nightly.js')).nightlyCommand,
  digest: async () => (await import('./commands/digest.js')).runDigest,
  doctor: async () => (await import('./commands/doctor.js')).runDoctor,
  send: async () => (await import('./commands/send.js')).runSend,
};

/** The only place that turns outcomes and errors into exit codes. */
export async function runCli(argv: string[], givenIo: CliIo = processIo()): Promise<number> {
  // Every line a command prints passes here, so no configured secret reaches the terminal or --json output.
  const io = redactIo(givenIo);
  try {
    const [first, ...rest] = argv;
    if (first === 'help' && rest[0] !== undefined && rest[0] in COMMAND_HELP) {
      io.stdout.write(COMMAND_HELP[rest[0] as keyof typeof COMMAND_HELP]);
      return EXIT_CODES.ok;
    }
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      // Asked for, help is the output; given no arguments, it is the usage error's message.
      (first === undefined ? io.stderr : io.stdout).write(HELP_TEXT);
      return first === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${readPackageVersion()}\n`);
      return EXIT_CODES.ok;
    }
    // Help first, for every command alike: no flag check, config or network before it.
    if (asksForHelp(argv)) {
      io.stdout.write(COMMAND_HELP[first in COMMAND_HELP ? (first as keyof typeof COMMAND_HELP) : 'summarize']);
      return EXIT_CODES.ok;
    }
    const loadCommand = COMMANDS[first];
    if (loadCommand) return OUTCOME_EXIT_CODES[await (await loadCommand())(rest, io)];
    // A word close to a command (`nighly`) is a typo, not an arXiv ID to look up.
    const meant = /^[a-z]+$/i.test(first) ? suggestClosest(first, Object.keys(COMMANDS)) : undefined;
    if (meant) throw new UsageError(`unknown command '${first}'; did you mean '${meant}'?`);
    const { runSummarize } = await import('./commands/summarize.js');
    return OUTCOME_EXIT_CODES[await runSummarize(argv, io)];
  } catch (error) {
    return reportError(error, io);
  }
}

// --- internal ---

const OUTCOME_EXIT_CODES: Record<Outcome, number> = {
  done: EXIT_CODES.ok,
  failed: EXIT_CODES.failure,
  partial: EXIT_CODES.partialFailure,
  interrupted: EXIT_CODES.interrupted,
};

function asksForHelp(argv: string[]): boolean {
  const flagsEnd = argv.indexOf('--');
  return (flagsEnd === -1 ? argv : argv.slice(0, flagsEnd)).some((argument) => argument === '--help' || argument === '-h');
}

function redactIo(io: CliIo): CliIo {
  let fileValues: Record<string, string> = {};
  try {
    fileValues = readEnvFile();
  } catch {
    // An unreadable .env is reported by the config loader; the environment's secrets are still covered.
  }
  const secrets = collectSecrets([io.env, fileValues]);
  return { ...io, stdout: redactStream(io.stdout, secrets), stderr: redactStream(io.stderr, secrets) };
}

function reportError(error: unknown, io: CliIo): number {
  const write = (text: string) => io.stderr.write(text);
  if (error instanceof UsageError) {
    write(`summarize: ${error.message}\nRun \`summarize --help\` for usage.\n`);
    return EXIT_CODES.usage;
  }
  if (error instanceof ConfigError) {
    write(`summarize: ${error.message}\nSee .env.example for every setting.\n`);
    return EXIT_CODES.failure;
  }
  if (error instanceof BriefError) {
    write(`summarize: ${error.message}\n`);
    return EXIT_CODES.failure;
  }
  // A bug, not an expected failure: the stack helps whoever reports it.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`summarize: internal error (please report it):\n${detail}\n`);
  return EXIT_CODES.failure;
}
