/** Secret settings as the config holds them (`smtpUrl` once mail sending exists). */
export interface SecretSettings {
  openaiApiKey?: string | undefined;
  smtpUrl?: string | undefined;
}

/** The secret strings in env-style records (the environment, the .env file): the API key whole, a mail URL's password. */
export function collectSecrets(sources: ReadonlyArray<Readonly<Record<string, string | undefined>>>): string[] {
  return sources.flatMap((source) => collectConfigSecrets({ openaiApiKey: source.OPENAI_API_KEY, smtpUrl: source.SMTP_URL }));
}

/** The secret strings of a loaded config, for the writers below the CLI (run reports). */
export function collectConfigSecrets(settings: SecretSettings): string[] {
  const secrets = [settings.openaiApiKey?.trim(), ...readUrlPassword(settings.smtpUrl)];
  return [...new Set(secrets.filter((secret): secret is string => Boolean(secret)))];
}

// --- internal ---

// Both forms: the URL carries the password percent-encoded, a server may echo it decoded.
function readUrlPassword(url: string | undefined): string[] {
  if (!url) return [];
  const encoded = /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:([^@/]*)@/i.exec(url.trim())?.[1];
  if (!encoded) return [];
  try {
    return [encoded, decodeURIComponent(encoded)];
  } catch {
    return [encoded];
  }
}
