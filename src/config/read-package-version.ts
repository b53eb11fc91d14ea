import { readFileSync } from 'node:fs';

/** The version in package.json, for --version and the User-Agent arXiv asks tools to send. */
export function readPackageVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}
