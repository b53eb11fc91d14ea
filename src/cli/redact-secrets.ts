import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { redactSecrets } from '../llm/redact-secrets.js';
import { parseSmtpUrlSafely } from '../mail/parse-smtp-url.js';

const SECRET_NAMES = ['OPENAI_API_KEY'];

/** The secret values set in the environment or in the .env file. */
export function collectSecrets(env: NodeJS.ProcessEnv, envFile = '.env'): string[] {
  const fileValues = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  const values = SECRET_NAMES.flatMap((name) => [env[name], fileValues[name]]);
  // The SMTP password alone, as it was typed and decoded, besides the whole URL.
  const smtpUrls = [env.SMTP_URL, fileValues.SMTP_URL];
  const smtpPasswords = smtpUrls.flatMap((url) => {
    const password = parseSmtpUrlSafely(url ?? '')?.auth?.pass;
    return password === undefined ? [] : [password, encodeURIComponent(password)];
  });
  return [...values, ...smtpUrls, ...smtpPasswords].map((value) => value?.trim() ?? '').filter((value) => value.length >= 4);
}

// Last line of defence before stderr: the configured keys, whatever their shape, and key-shaped text.
export function redactConfiguredSecrets(text: string, secrets: readonly string[]): string {
  let result = redactSecrets(text);
  for (const secret of secrets) result = result.split(secret).join('[redacted]');
  return result;
}
