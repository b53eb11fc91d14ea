/** What a secret is replaced with, so a reader sees that something was there. */
export const REDACTED = '[redacted]';

// API-key shapes servers echo (masked or whole): OpenAI and most compatible providers (sk-…, sk-or-…, gsk-…), Google (AIza…).
const KEY_SHAPES = /\b(?:sk|rk|pk|gsk|xai|key)-[A-Za-z0-9_*-]{8,}|\bAIza[0-9A-Za-z_-]{20,}/g;

export interface RedactSecretsOptions {
  /**
   * Also replace anything shaped like an API key, configured or not: for text from a server, which may
   * quote a key we never saw. Off for our own output, where "key-value-store" is just words. Default: false.
   */
  keyShapes?: boolean;
}

/** Text safe to print or write: every configured secret, whatever its shape (also JSON- and URL-escaped), replaced by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[] = [], { keyShapes = false }: RedactSecretsOptions = {}): string {
  let result = text;
  // Longest first, so a secret containing another is replaced whole.
  for (const secret of expandForms(secrets).sort((left, right) => right.length - left.length)) {
    result = result.split(secret).join(REDACTED);
  }
  return keyShapes ? result.replace(KEY_SHAPES, REDACTED) : result;
}

// --- internal ---

// Short values would blank out ordinary words; no real secret is this short.
const MIN_SECRET_LENGTH = 4;

function expandForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  return [...forms];
}
