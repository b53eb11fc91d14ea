import { BriefError, ConfigError, UsageError } from '../errors/brief-error.js';
import { type CliIo, processIo } from './cli-io.js';
import type { Outcome } from '../run/outcome.js';
import { EXIT_CODES } from './exit-codes.js';
import { findClosest } from './find-closest.js';
import { COMMAND_HELP, HELP_TEXT } from './help-text.js';
import { readEnvFile } from '../config/read-env-file.js';
import { collectArgumentSecrets } from '../secrets/collect-argument-secrets.js';
import { collectSecrets } from '../secrets/collect-secrets.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { redactStream } from '../secrets/redact-stream.js';
import { readPackageVersion } from '../config/read-package-version.js';

type Command = (argv: string[], io: CliIo) => Promise<Outcome>;

// Each command is loaded only when used, so `summarize --help` starts fast.
const COMMANDS: Record<string, () => Promise<Command>> = {
  text: async () => (await import('./commands/text.js')).runText,
  nightly: async () => (await import('./commands/nightly.js')).nightlyCommand,
  digest: async () => (await import('./commands/digest.js')).runDigest,
  doctor: async () => (await import('./commands/doctor.js')).runDoctor,
  send: async () => (await import('./commands/send.js')).runSend,
  podcast: async () => (await import('./commands/podcast.js')).runPodcastCommand,
  issue: async () => (await import('./commands/issue.js')).runIssueCommand,
  readers: async () => (await import('./commands/readers.js')).runReaders,
  serve: async () => (await import('./commands/serve.js')).runServe,
};

/** The only place that turns outcomes and errors into exit codes. */
export async function runCli(argv: string[], givenIo: CliIo = processIo()): Promise<number> {
  // Every line a command prints passes here, so no configured secret reaches the terminal or --json output.
  const io = redactIo(givenIo);
  try {
    const [first, ...rest] = argv;
    const program = io.programName ?? 'summarize';
    // `summarize help nightly` is `summarize nightly --help`.
    if (first === 'help' && rest[0] !== undefined) {
      io.stdout.write(asInvoked(COMMAND_HELP[knownCommand(rest[0])], program));
      return EXIT_CODES.ok;
    }
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      // Asked for, help is the output; given no arguments, it is the usage error's message.
      (first === undefined ? io.stderr : io.stdout).write(asInvoked(HELP_TEXT, program));
      return first === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${readPackageVersion()}\n`);
      return EXIT_CODES.ok;
    }
    // Help first, for every command alike: no flag check, config or network before it.
    if (asksForHelp(argv)) {
      io.stdout.write(asInvoked(COMMAND_HELP[first in COMMAND_HELP ? (first as keyof typeof COMMAND_HELP) : 'summarize'], program));
      return EXIT_CODES.ok;
    }
    const loadCommand = COMMANDS[first];
    // A plain word is no arXiv ID: a mistyped command (`nighly`).
    if (!loadCommand && /^[a-z][a-z-]*$/i.test(first) && findClosest(first, Object.keys(COMMANDS))) knownCommand(first);
    if (loadCommand) return OUTCOME_EXIT_CODES[await (await loadCommand())(rest, io)];
    const { runSummarize } = await import('./commands/summarize.js');
    return OUTCOME_EXIT_CODES[await runSummarize(argv, io)];
  } catch (error) {
    return reportError(error, io, argv);
  }
}

// --- internal ---

const OUTCOME_EXIT_CODES: Record<Outcome, number> = {
  done: EXIT_CODES.ok,
  failed: EXIT_CODES.failure,
  partial: EXIT_CODES.partialFailure,
  interrupted: EXIT_CODES.interrupted,
};

// The command's name, or a usage error naming the closest one.
function knownCommand(word: string): keyof typeof COMMAND_HELP {
  if (word in COMMANDS) return word as keyof typeof COMMAND_HELP;
  const closest = findClosest(word, Object.keys(COMMANDS));
  throw new UsageError(`unknown command ${JSON.stringify(word)}${closest ? `; did you mean ${closest}?` : `; the commands are ${Object.keys(COMMANDS).join(', ')}, or arXiv IDs to summarize`}`);
}

// Help and messages name the command as it was typed: `arxiv-brief` when installed as a package.
function asInvoked(text: string, program: string): string {
  return program === 'summarize' ? text : text.replace(/(^|[\s`(])summarize(?=[\s:`]|$)/gm, `$1${program}`);
}

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

function reportError(error: unknown, io: CliIo, argv: readonly string[]): number {
  const program = io.programName ?? 'summarize';
  const write = (text: string) => io.stderr.write(asInvoked(text, program));
  if (error instanceof UsageError) {
    // A mistyped command line may hold a webhook URL, whose path is a key: the message quotes what was typed.
    write(`summarize: ${redactSecrets(error.message, collectArgumentSecrets(argv))}\nRun \`summarize --help\` for usage.\n`);
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
