import { describeNetworkError, findNetworkErrorCode } from '../http/describe-network-error.js';

/** What a failed connection means for a person, and which setting to look at. */
export function describeNetworkFailure(error: unknown, host: string, urlSetting: string): { message: string; fix: string } {
  const code = findNetworkErrorCode(error);
  const message = `cannot reach ${host}: ${describeNetworkError(error)}`;
  if (code !== undefined && /CERT|SSL|TLS|SIGNATURE/.test(code)) {
    return { message, fix: `a proxy that intercepts HTTPS needs its CA in NODE_EXTRA_CA_CERTS; otherwise check ${urlSetting}` };
  }
  return { message, fix: `check the network, the proxy settings (HTTPS_PROXY) or ${urlSetting}` };
}
