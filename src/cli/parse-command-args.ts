import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors/brief-error.js';
import { findClosest } from './find-closest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into usage errors that name the subcommand (null: the default command). */
export function parseCommandArgs<T extends Options>(command: string | null, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
    // "Unknown option '--dat'": the nearest flag the command has, so a typo costs one look.
    const unknown = /Unknown option '(--?[^']+)'/.exec(message)?.[1];
    const closest = unknown === undefined ? undefined : findClosest(unknown.replace(/^-+/, ''), Object.keys(options));
    const hint = closest === undefined ? '' : `; did you mean --${closest}?`;
    throw new UsageError(`${command === null ? '' : `${command}: `}${message}${hint}`);
  }
}
