import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpServer } from '../config/parse-smtp-url.js';

/** How every connection to the SMTP server is made, for a send and for `doctor`'s check alike. */
export function toSmtpConnectionOptions(server: SmtpServer, timeoutMs: number): SMTPConnection.Options {
  return {
    host: server.host,
    port: server.port,
    secure: server.secure,
    // smtp:// with a password: STARTTLS or nothing, so the password never crosses the network in clear text.
    requireTLS: !server.secure && server.auth !== undefined && !isLoopback(server.host),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // No logging: it could carry the AUTH exchange.
    logger: false,
    debug: false,
  };
}

// --- internal ---

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
