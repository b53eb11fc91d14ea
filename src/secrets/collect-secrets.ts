/** Secret settings as the config holds them: the key, and every URL that may carry a password or a key. */
export interface SecretSettings {
  openaiApiKey?: string | undefined;
  smtpUrl?: string | undefined;
  openaiBaseUrl?: string | undefined;
  arxivApiUrl?: string | undefined;
  arxivPdfUrl?: string | undefined;
  arxivRssUrl?: string | undefined;
  hfDailyPapersUrl?: string | undefined;
  publicUrl?: string | undefined;
  unsubscribeSecret?: string | undefined;
  /** Chat webhooks: the whole URL is a secret (it posts to the channel). */
  webhooks?: ReadonlyArray<{ url: string }> | undefined;
}

// The environment names of the URL settings above: a proxy login in any of them is a secret too.
const URL_ENV_NAMES = ['SMTP_URL', 'OPENAI_BASE_URL', 'ARXIV_API_URL', 'ARXIV_PDF_URL', 'ARXIV_RSS_URL', 'HF_DAILY_PAPERS_URL', 'SUMMARIZE_PUBLIC_URL'] as const;

/** The secret strings in env-style records (the environment, the .env file): the API key whole, a mail URL's password. */
export function collectSecrets(sources: ReadonlyArray<Readonly<Record<string, string | undefined>>>): string[] {
  return sources.flatMap((source) => [
    ...collectConfigSecrets({ openaiApiKey: source.OPENAI_API_KEY, unsubscribeSecret: source.SUMMARIZE_UNSUBSCRIBE_SECRET }),
    ...URL_ENV_NAMES.flatMap((name) => readUrlSecrets(source[name])),
    ...readBasicCredential(source.OPENAI_BASE_URL),
    ...(source.SUMMARIZE_WEBHOOKS ?? '').split(',').flatMap((webhook) => readWebhookSecrets(webhook)),
  ]);
}

/** The secret strings of a loaded config, for the writers below the CLI (run reports). */
export function collectConfigSecrets(settings: SecretSettings): string[] {
  const urls = [settings.smtpUrl, settings.openaiBaseUrl, settings.arxivApiUrl, settings.arxivPdfUrl, settings.arxivRssUrl, settings.hfDailyPapersUrl, settings.publicUrl];
  const secrets = [settings.openaiApiKey?.trim(), settings.unsubscribeSecret, ...urls.flatMap((url) => readUrlSecrets(url)), ...readBasicCredential(settings.openaiBaseUrl), ...(settings.webhooks ?? []).flatMap(({ url }) => readWebhookSecrets(url))];
  return [...new Set(secrets.filter((secret): secret is string => Boolean(secret)))];
}

/**
 * A webhook's secret parts, whatever they contain: the URL itself (with and without a service prefix), its path and
 * query whole, and each path segment and query value but the services' fixed words (`webhooks`, `sendMessage`).
 */
export function readWebhookSecrets(webhook: string): string[] {
  const trimmed = webhook.trim();
  if (!trimmed) return [];
  const url = trimmed.replace(/^[a-z]+\+/, '');
  const pathAndQuery = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const [path = '', query = ''] = pathAndQuery.split(/[?#]/, 2);
  const values = query.split('&').map((pair) => pair.slice(pair.indexOf('=') + 1));
  // Telegram's bot token travels as `bot<id>:<key>`; a server may quote any part of it.
  const parts = [...path.split('/'), ...values].flatMap((part) => [part, part.replace(/^bot/, ''), ...part.split(':')]).filter((part) => !PUBLIC_WEBHOOK_WORDS.has(part.toLowerCase()));
  return [...new Set([trimmed, url, pathAndQuery, path, query, ...parts].flatMap((part) => [part, decodeSafely(part)]))].filter(Boolean);
}

// --- internal ---

// The path words every webhook of a service shares, and the services' own names (a channel's label starts with one).
const PUBLIC_WEBHOOK_WORDS = new Set(['api', 'webhooks', 'webhook', 'hooks', 'hook', 'services', 'sendmessage', 'slack', 'discord', 'telegram', 'json', 'bot']);

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// A URL's password and key-like query values, in both forms: the URL carries them percent-encoded, a server may echo them decoded.
function readUrlSecrets(url: string | undefined): string[] {
  if (!url) return [];
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:([^@/]*)@/i.exec(url.trim())?.[1];
  const queryKeys = [...url.matchAll(/[?&](?:api[-_]?key|key|token|access_token|sig)=([^&#]+)/gi)].map((match) => match[1]!);
  return [password, ...queryKeys].flatMap((encoded) => {
    if (!encoded) return [];
    try {
      return [encoded, decodeURIComponent(encoded)];
    } catch {
      return [encoded];
    }
  });
}

// A login in OPENAI_BASE_URL travels as an HTTP Basic credential, which a server may echo back.
function readBasicCredential(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const parsed = new URL(url.trim());
    if (!parsed.password) return [];
    return [Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')];
  } catch {
    return [];
  }
}
