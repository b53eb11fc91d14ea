import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { redactSecrets } from '../llm/redact-secrets.js';

const SECRET_NAMES = ['OPENAI_API_KEY'];

/** The secret values set in the environment or in the .env file. */
export function collectSecrets(env: NodeJS.ProcessEnv, envFile = '.env'): string[] {
  const fileValues = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return SECRET_NAMES.flatMap((name) => [env[name], fileValues[name]])
    .map((value) => value?.trim() ?? '')
    .filter((value) => value.length >= 4);
}

// Last line of defence before stderr: the configured keys, whatever their shape, and key-shaped text.
export function redactConfiguredSecrets(text: string, secrets: readonly string[]): string {
  let result = redactSecrets(text);
  for (const secret of secrets) result = result.split(secret).join('[redacted]');
  return result;
}
