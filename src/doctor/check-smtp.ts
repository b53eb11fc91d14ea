import { createSmtpTransport } from '../smtp/create-smtp-transport.js';
import { describeSmtpFailure } from '../smtp/describe-smtp-failure.js';
import { parseSmtpUrl } from '../config/parse-smtp-url.js';
import type { CheckResult } from './check-result.js';

// Connect, EHLO, STARTTLS when offered, and log in (nodemailer's verify); no message is sent.
export async function checkSmtp(smtpUrl: string, timeoutMs: number): Promise<CheckResult> {
  const base = { id: 'smtp', title: 'SMTP server' };
  const server = parseSmtpUrl(smtpUrl);
  const transport = createSmtpTransport(server, { timeoutMs });
  try {
    await transport.verify();
  } catch (error) {
    return { ...base, status: 'failed', message: describeSmtpFailure(error, server) };
  } finally {
    transport.close();
  }
  const login = server.auth ? `accepts the login of ${server.auth.user}` : 'answers (no login configured)';
  return { ...base, status: 'ok', message: `${server.host}:${server.port} ${login}${server.secure ? ' over TLS' : ''}` };
}
