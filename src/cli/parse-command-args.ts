import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors/brief-error.js';
import { suggestClosest } from './suggest-closest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into usage errors that name the subcommand (null: the default command). */
export function parseCommandArgs<T extends Options>(command: string | null, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = describeUnknownOption(error as Error & { code?: string }, options) ?? (error as Error).message;
    throw new UsageError(command === null ? message : `${command}: ${message}`);
  }
}

// One line naming the flag the user most likely meant, instead of node's advice about positionals.
function describeUnknownOption(error: Error & { code?: string }, options: Options): string | undefined {
  const typed = /Unknown option '(--?[^']+)'/.exec(error.message)?.[1];
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !typed?.startsWith('--')) return undefined;
  const suggestion = suggestClosest(typed, Object.keys(options).map((name) => `--${name}`));
  return suggestion ? `Unknown option '${typed}'; did you mean '${suggestion}'?` : undefined;
}
