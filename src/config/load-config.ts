import type { z } from 'zod';
import { ConfigError } from '../errors/brief-error.js';
import { type Config, ConfigSchema, ENV_NAMES } from './config-schema.js';
import { readEnvFile } from './read-env-file.js';

/** Values given on the command line; they win over the environment. */
export type ConfigFlags = Partial<Pick<Config, 'model' | 'outputDir' | 'interestsPath' | 'styles' | 'language'>> & { /** `--batch`: the Batch API, whatever SUMMARIZE_BATCH says. */ batch?: boolean | undefined };

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** The .env file; a missing file is fine. Default: `.env` in the working directory. */
  envFile?: string;
  flags?: ConfigFlags;
}

// The one place that reads the environment: everything below takes a Config.
export function loadConfig({ env = process.env, envFile = '.env', flags = {} }: LoadConfigOptions = {}): Config {
  const fileValues = readEnvFile(envFile);
  // Like dotenv: a variable already set in the environment wins over the file.
  const merged: Record<string, string | undefined> = { ...fileValues, ...env };
  const problems: string[] = [];
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as Array<[keyof Config, string]>) {
    const value = merged[name]?.trim();
    if (value === undefined || value === '') continue;
    if (key === 'prices') {
      try {
        raw[key] = JSON.parse(value);
      } catch {
        problems.push(`${name}: not valid JSON; expected e.g. {"my-model":{"input":0.2,"output":0.8}} (USD per million tokens)`);
      }
      continue;
    }
    raw[key] = value;
  }
  // A switch flag is read as its setting's text would be.
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) raw[key] = typeof value === 'boolean' ? String(value) : value;

  const result = ConfigSchema.safeParse(raw);
  if (!result.success) problems.push(...describeIssues(result.error.issues, raw));
  // Both would go in the one Authorization header: a login in the URL is for a server (or proxy) that takes no key.
  if (result.success && result.data.openaiApiKey && hasLogin(result.data.openaiBaseUrl)) {
    problems.push(`${ENV_NAMES.openaiBaseUrl}: holds a login (user:password@) and ${ENV_NAMES.openaiApiKey} is set too; both would be sent in the one Authorization header: keep the login (sent as HTTP Basic auth) and unset the key, or remove the login from the URL`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data!;
}

/** The LLM commands need a key, unless a self-hosted OpenAI-compatible server needs none. */
export function assertLlmConfigured(config: Config): void {
  if (hasLlmAccess(config)) return;
  throw new ConfigError([
    'OPENAI_API_KEY: not set; put it in .env or the environment (or set OPENAI_BASE_URL to a local OpenAI-compatible server such as Ollama)',
  ]);
}

/** A key, or a self-hosted server that may need none: what every model call needs. */
export function hasLlmAccess(config: Pick<Config, 'openaiApiKey' | 'openaiBaseUrl'>): boolean {
  return Boolean(config.openaiApiKey || config.openaiBaseUrl);
}

// --- internal ---

// Their values hold a password or a key.
const SECRET_KEYS: ReadonlyArray<keyof Config> = ['openaiApiKey', 'smtpUrl', 'webhooks'];

// One line per setting: a value breaking several rules at one place is told the first; places within it (prices) share the line.
function describeIssues(issues: readonly z.core.$ZodIssue[], raw: Record<string, unknown>): string[] {
  const bySetting = new Map<keyof Config, Map<string, string>>();
  for (const issue of issues) {
    const key = String(issue.path[0]) as keyof Config;
    const places = bySetting.get(key) ?? new Map<string, string>();
    const place = issue.path.slice(1).join('.');
    if (!places.has(place)) places.set(place, issue.message);
    bySetting.set(key, places);
  }
  return [...bySetting].map(([key, places]) => {
    const name = ENV_NAMES[key] ?? key;
    // Never echo a secret back, even a malformed one.
    const shown = SECRET_KEYS.includes(key) || typeof raw[key] === 'object' ? '' : `, got ${JSON.stringify(raw[key])}`;
    const messages = [...places].map(([place, message]) => (place === '' ? message : `at ${place}: ${message}`));
    return `${name}: ${messages.join('; ')}${shown}`;
  });
}

function hasLogin(url: string | undefined): boolean {
  if (url === undefined) return false;
  const parsed = new URL(url);
  return parsed.username !== '' || parsed.password !== '';
}
