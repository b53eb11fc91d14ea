// API-key shapes of OpenAI (sk-…, sk-proj-…) and most compatible providers; servers sometimes echo them masked or whole.
const SECRET_PATTERN = /\b(sk|rk|pk|gsk|xai|key)-[A-Za-z0-9_*\-]{8,}/g;

/** Text from a server, safe to show: anything shaped like an API key replaced. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, '[redacted key]');
}
