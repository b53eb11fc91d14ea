import nodemailer from 'nodemailer';
import type { SmtpServer } from '../config/parse-smtp-url.js';

export interface CreateSmtpTransportOptions {
  /** Limit for connecting, the greeting and each later wait. Default: 30_000. */
  timeoutMs?: number;
}

// No logging (it could carry the AUTH exchange), no fetching of URLs or files named by message content.
export function createSmtpTransport(server: SmtpServer, { timeoutMs = 30_000 }: CreateSmtpTransportOptions = {}) {
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    ...(server.auth ? { auth: server.auth } : {}),
    // smtp:// with a password: STARTTLS or nothing, so the password never crosses the network in clear text.
    requireTLS: !server.secure && server.auth !== undefined && !isLoopback(server.host),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
    disableUrlAccess: true,
  });
}

// --- internal ---

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
