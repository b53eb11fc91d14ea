import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors/brief-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into usage errors that name the subcommand (null: the default command). */
export function parseCommandArgs<T extends Options>(command: string | null, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(command === null ? (error as Error).message : `${command}: ${(error as Error).message}`);
  }
}
