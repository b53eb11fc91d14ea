/**
 * True when a failed SMTP send certainly did not hand the message over: the server said no (a
 * response code), the login or TLS failed, or the connection never opened. A timeout or a broken
 * connection may come after the server took the message, so those count as "may have gone out".
 */
export function isSurelyUndelivered(error: unknown): boolean {
  const details = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  if (typeof details.responseCode === 'number') return true;
  if (details.code === 'EAUTH' || details.code === 'ETLS' || details.code === 'EENVELOPE' || details.code === 'EDNS') return true;
  const message = typeof details.message === 'string' ? details.message : '';
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|Connection timeout|Greeting never received|certificate|SSL|TLS/i.test(message);
}
