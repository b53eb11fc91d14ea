import { UsageError } from '../errors/brief-error.js';

/** A flag's value as a positive number (whole when `integer`), or a usage error naming the command and flag. */
export function parsePositiveFlag(command: string, flag: string, value: string, integer: boolean): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new UsageError(`${command}: ${flag} takes a positive ${integer ? 'whole number' : 'number'}, not ${JSON.stringify(value)}`);
  }
  return number;
}
