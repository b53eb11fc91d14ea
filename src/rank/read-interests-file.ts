import { readFile } from 'node:fs/promises';
import { ENV_NAMES } from '../config/config-schema.js';
import { ConfigError } from '../errors/brief-error.js';
import { decodeTextByBom } from './decode-text-by-bom.js';
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
  const text = decodeTextByBom(bytes);
  if (text === null) {
    throw new ConfigError([`${ENV_NAMES.interestsPath} (or --interests): ${path} is not a text file; save it as plain text (UTF-8 or UTF-16), one entry a line`]);
  }
  return parseInterests(text);
}
