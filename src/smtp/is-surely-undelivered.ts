/**
 * True when a failed SMTP send certainly did not hand the message over: the server answered with a refusal, or
 * the conversation ended (connection refused or closed, no greeting, login or TLS refused, a timeout) before the
 * message's last byte went out. A connection lost after it, with no answer, may come after the server took it.
 */
export function isSurelyUndelivered(error: unknown): boolean {
  const details = (error ?? {}) as { responseCode?: unknown; handedOver?: unknown };
  if (typeof details.responseCode === 'number') return true;
  return details.handedOver === false;
}
