import nodemailer from 'nodemailer';
import type { SmtpServer } from '../config/parse-smtp-url.js';
import { toSmtpConnectionOptions } from './to-smtp-connection-options.js';

export interface CreateSmtpTransportOptions {
  /** Limit for connecting, the greeting and each later wait. Default: 30_000. */
  timeoutMs?: number;
}

// No fetching of URLs or files named by message content; `summarize doctor` checks the server with it.
export function createSmtpTransport(server: SmtpServer, { timeoutMs = 30_000 }: CreateSmtpTransportOptions = {}) {
  return nodemailer.createTransport({
    ...toSmtpConnectionOptions(server, timeoutMs),
    ...(server.auth ? { auth: server.auth } : {}),
    disableUrlAccess: true,
  });
}
