/** What a failed connection means for a person, and which setting to look at; never quotes the error's free text. */
export function describeNetworkFailure(error: unknown, host: string, urlSetting: string): { message: string; fix: string } {
  const code = findErrorCode(error);
  const fix = `check the network, the proxy settings (HTTPS_PROXY) or ${urlSetting}`;
  if (code === 'ECONNREFUSED') return { message: `cannot reach ${host}: connection refused`, fix };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { message: `cannot reach ${host}: the host name does not resolve (DNS, ${code})`, fix };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return { message: `cannot reach ${host}: the connection was closed before an answer (${code})`, fix };
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return { message: `cannot reach ${host}: connecting timed out (${code})`, fix };
  }
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
    return { message: `cannot reach ${host}: no route to the host (${code})`, fix };
  }
  if (code !== undefined && /CERT|SSL|TLS|SIGNATURE/.test(code)) {
    return {
      message: `cannot reach ${host}: its TLS certificate was not accepted (${code})`,
      fix: `a proxy that intercepts HTTPS needs its CA in NODE_EXTRA_CA_CERTS; otherwise check ${urlSetting}`,
    };
  }
  return { message: `cannot reach ${host}${code === undefined ? '' : ` (${code})`}`, fix };
}

// --- internal ---

// Node puts the useful code deep: fetch's TypeError → cause; happy-eyeballs → AggregateError.errors.
function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (!(error instanceof Error) || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== 'UND_ERR' && !code.startsWith('ERR_')) return code;
  const inner = error instanceof AggregateError ? error.errors : [];
  for (const candidate of [error.cause, ...inner]) {
    const found = findErrorCode(candidate, depth + 1);
    if (found !== undefined) return found;
  }
  return typeof code === 'string' ? code : undefined;
}
