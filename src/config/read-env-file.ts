import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';

/** The variables of a `.env` file, parsed as dotenv does; a missing file gives none. */
export function readEnvFile(path = '.env'): Record<string, string> {
  return existsSync(path) ? parseDotenv(readFileSync(path)) : {};
}
