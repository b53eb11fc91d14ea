import type { SmtpServer } from '../config/parse-smtp-url.js';

/** One line for a person: what went wrong with the SMTP server; never the password, never the server's free text on AUTH. */
export function describeSmtpFailure(error: unknown, server: SmtpServer): string {
  const where = `${server.host}:${server.port}`;
  const details = error as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown; cause?: unknown } | null;
  const code = typeof details?.code === 'string' ? details.code : undefined;
  const responseCode = typeof details?.responseCode === 'number' ? details.responseCode : undefined;
  const message = typeof details?.message === 'string' ? details.message : String(error);
  const socketCode = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b/.exec(message)?.[1];
  if (code === 'EAUTH') {
    const user = server.auth ? ` for user ${server.auth.user}` : '';
    return `the SMTP server ${where} refused the login${user}${responseCode ? ` (${responseCode})` : ''}: check the user and password in SMTP_URL`;
  }
  if (socketCode === 'ECONNREFUSED') return `cannot reach the SMTP server ${where}: connection refused; check SMTP_URL and that the server is up`;
  if (socketCode === 'ENOTFOUND' || socketCode === 'EAI_AGAIN') return `cannot reach the SMTP server ${where}: the host name does not resolve; check SMTP_URL`;
  if (socketCode !== undefined) return `cannot reach the SMTP server ${where} (${socketCode}); check the network and SMTP_URL`;
  if (code === 'ETIMEDOUT') return `the SMTP server ${where} did not answer in time; check SMTP_URL (port 465 is smtps://, 587 and 25 are smtp://)`;
  if (code === 'ETLS' || /certificate|SSL|TLS|wrong version number/i.test(message)) {
    return `TLS with the SMTP server ${where} failed (${firstLine(message)}); check SMTP_URL: smtps:// for port 465, smtp:// for 587 or 25`;
  }
  if (code === 'EENVELOPE') return `the SMTP server ${where} rejected the message: ${firstLine(message)}${responseCode ? ` (${responseCode})` : ''}`;
  return `sending through the SMTP server ${where} failed${code ? ` (${code})` : ''}: ${firstLine(message)}`;
}

// --- internal ---

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!.slice(0, 200);
}
