import { findNetworkErrorCode } from './describe-network-error.js';

/**
 * True when a failed request certainly never reached the server: the name did not resolve, the
 * connection was refused or never opened, or TLS failed. A timeout or a connection closed without an
 * answer may come after the server acted on the request, so those are not sure.
 */
export function isSurelyUnsent(error: unknown): boolean {
  const code = findNetworkErrorCode(error);
  if (code === undefined) return false;
  return SURELY_UNSENT_CODES.has(code) || /CERT|SSL|TLS|SIGNATURE/.test(code);
}

// --- internal ---

const SURELY_UNSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
