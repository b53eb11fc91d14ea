import { readFile } from 'node:fs/promises';
import { ENV_NAMES } from '../config/config-schema.js';
import { ConfigError } from '../errors/brief-error.js';
import { decodeTextFile } from '../text/decode-text-file.js';
import { parseInterests, type Interests } from './parse-interests.js';

/** Reads and parses the interests file; one it cannot read is a configuration error naming it. */
export async function readInterestsFile(path: string): Promise<Interests> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([`${ENV_NAMES.interestsPath} (or --interests): cannot read the interests file ${path} (${code})`]);
  }
  const text = decodeTextFile(bytes);
  if (text === undefined) {
    throw new ConfigError([`${ENV_NAMES.interestsPath} (or --interests): ${path} is not a text file (binary, or UTF-16 without a byte-order mark); save it as plain text (UTF-8)`]);
  }
  return parseInterests(text);
}
