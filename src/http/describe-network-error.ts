/**
 * Why a connection failed, in words, with the system's code: `connection refused (ECONNREFUSED)`.
 * fetch and undici say only "fetch failed" or "other side closed"; the code deep in the causes says why.
 */
export function describeNetworkError(error: unknown): string {
  const code = findNetworkErrorCode(error);
  const phrase = code === undefined ? undefined : phraseOf(code);
  if (phrase) return `${phrase} (${code})`;
  const message = innermostMessage(error) || 'connection failed';
  return code === undefined || message.includes(code) ? message : `${message} (${code})`;
}

/** The most telling error code among an error and its causes (ECONNREFUSED over UND_ERR), if any. */
export function findNetworkErrorCode(error: unknown, depth = 0): string | undefined {
  if (!(error instanceof Error) || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== 'UND_ERR' && !code.startsWith('ERR_')) return code;
  // Happy-eyeballs connects to several addresses and reports an AggregateError of them.
  const inner = error instanceof AggregateError ? error.errors : [];
  for (const candidate of [error.cause, ...inner]) {
    const found = findNetworkErrorCode(candidate, depth + 1);
    if (found !== undefined) return found;
  }
  return typeof code === 'string' ? code : undefined;
}

// --- internal ---

function phraseOf(code: string): string | undefined {
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve (DNS)';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return 'the connection was closed before an answer';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'connecting timed out';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'no route to the host';
  if (/CERT|SSL|TLS|SIGNATURE/.test(code)) return 'the TLS certificate was not accepted';
  return undefined;
}

function innermostMessage(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return error === undefined ? '' : String(error);
  const inner = depth < 5 && error.cause instanceof Error ? innermostMessage(error.cause, depth + 1) : '';
  // "fetch failed" says nothing a cause does not say better.
  return inner && /^fetch failed$|^Connection error\.?$/i.test(error.message) ? inner : error.message;
}
