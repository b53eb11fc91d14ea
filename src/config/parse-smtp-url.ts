import { ConfigError } from '../errors/brief-error.js';

/** Where and how to reach the SMTP server, from `SMTP_URL`. */
export interface SmtpServer {
  host: string;
  port: number;
  /** true for `smtps://` (TLS from the first byte); `smtp://` upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
}

const DEFAULT_PORTS = { 'smtp:': 25, 'smtps:': 465 } as const;

// Never quotes the URL back: it holds the password.
export function parseSmtpUrl(url: string): SmtpServer {
  const server = parseSmtpUrlSafely(url);
  if (!server) throw new ConfigError(['SMTP_URL: expected smtps://user:password@host:465 or smtp://host:25']);
  return server;
}

/** The parsed server, or undefined when `url` is not an smtp:// or smtps:// URL with a host. */
export function parseSmtpUrlSafely(url: string): SmtpServer | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const protocol = parsed.protocol as keyof typeof DEFAULT_PORTS;
  if (!(protocol in DEFAULT_PORTS) || parsed.hostname === '' || parsed.pathname.replace(/\/+$/, '') !== '') return undefined;
  const port = parsed.port === '' ? DEFAULT_PORTS[protocol] : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const server: SmtpServer = { host, port, secure: protocol === 'smtps:' };
  if (parsed.username !== '') {
    try {
      server.auth = { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) };
    } catch {
      return undefined;
    }
  }
  return server;
}
