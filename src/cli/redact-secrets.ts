import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';

// Keys must never reach a log or an error message, even inside a server's echo of a request.
const SECRET_NAMES = ['OPENAI_API_KEY'];
const KEY_SHAPES = /\b(sk-[A-Za-z0-9_-]{8,}|Bearer\s+[A-Za-z0-9._-]{8,})/g;

/** The secret values set in the environment or in the .env file. */
export function collectSecrets(env: NodeJS.ProcessEnv, envFile = '.env'): string[] {
  const fileValues = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return SECRET_NAMES.flatMap((name) => [env[name], fileValues[name]])
    .map((value) => value?.trim() ?? '')
    .filter((value) => value.length >= 4);
}

/** Replaces the given secrets and anything shaped like an API key with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text.replace(KEY_SHAPES, '[redacted]');
  for (const secret of secrets) result = result.split(secret).join('[redacted]');
  return result;
}
