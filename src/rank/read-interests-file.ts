import { readFile } from 'node:fs/promises';
import { ENV_NAMES } from '../config/config-schema.js';
import { ConfigError } from '../errors/brief-error.js';
import { parseInterests, type Interests } from './parse-interests.js';

/** Reads and parses the interests file; one it cannot read is a configuration error naming it. */
export async function readInterestsFile(path: string): Promise<Interests> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([`${ENV_NAMES.interestsPath} (or --interests): cannot read the interests file ${path} (${code})`]);
  }
  return parseInterests(text);
}
