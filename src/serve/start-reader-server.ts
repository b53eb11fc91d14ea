import { mkdirSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { ENV_NAMES, type Config } from '../config/config-schema.js';
import { BriefError, ConfigError } from '../errors/brief-error.js';
import { getDataDir, getReadersDatabasePath } from '../readers/get-readers-database-path.js';
import { openReadersDatabase } from '../readers/open-readers-database.js';
import { createReadersStore } from '../readers/readers-store.js';
import { createPublishedPaperCheck } from './create-published-paper-check.js';
import { createConfirmationMailer } from './create-confirmation-mailer.js';
import { createRateLimiter } from './create-rate-limiter.js';
import { handleReaderRequest } from './handle-reader-request.js';

export interface StartReaderServerOptions {
  /** Overrides SUMMARIZE_SERVE_HOST (`--host`). */
  host?: string | undefined;
  /** Overrides SUMMARIZE_SERVE_PORT (`--port`); 0 picks a free port. */
  port?: number | undefined;
  /** One line per request (method, path without its query, status, time) and per problem; never an address or a token. */
  log: (line: string) => void;
  /** Whether to log each request, or only problems. Default: true. */
  logRequests?: boolean;
  /** For tests: the clock (link expiry, rate limits). Default: `() => new Date()`. */
  now?: () => Date;
  /** How long a write waits for another process's lock before answering 503. Default: 2,000 ms. */
  busyTimeoutMs?: number;
}

export interface ReaderServer {
  /** `http://host:port`, as it listens. */
  url: string;
  port: number;
  /** Stops taking connections, lets the requests under way finish (and the confirmation mails go), closes the database. */
  close(): Promise<void>;
}

/**
 * `summarize serve`: opens (or creates) the readers database, then answers readers on host:port until closed.
 * Needs SUMMARIZE_UNSUBSCRIBE_SECRET, which signs every link; subscribing needs mail (SMTP_URL, SUMMARIZE_MAIL_FROM).
 */
export async function startReaderServer(config: Config, options: StartReaderServerOptions): Promise<ReaderServer> {
  const secret = config.unsubscribeSecret;
  if (secret === undefined) throw new ConfigError([`${ENV_NAMES.unsubscribeSecret}: not set; the server signs and checks every reader's link with it (openssl rand -hex 32), the same secret the mail's unsubscribe links were signed with`]);
  const now = options.now ?? (() => new Date());
  const log = options.log;
  const databasePath = getReadersDatabasePath(config);
  const connection = openReadersDatabase(databasePath, { create: true, busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS })!;
  mkdirSync(config.outputDir, { recursive: true });
  const folder = { root: realpathSync(resolve(config.outputDir)), dataDir: realpathSync(getDataDir(config)) };
  const mailer = createConfirmationMailer(config, log);
  if (mailer === undefined) log(`subscribing is closed: set ${ENV_NAMES.smtpUrl} and ${ENV_NAMES.mailFrom} to mail confirmation links`);

  const context = {
    readers: createReadersStore(connection, now),
    secret,
    publicUrl: '',
    defaultLanguage: config.language,
    now,
    isPublishedPaper: createPublishedPaperCheck(folder.root),
    limits: {
      perAddress: createRateLimiter({ limit: config.subscribeLimitPerAddress, windowMs: DAY_MS, now }),
      perClient: createRateLimiter({ limit: config.subscribeLimitPerClient, windowMs: HOUR_MS, now }),
    },
    sendConfirmation: mailer?.send,
    folder,
    databasePath,
    reportBug: (error: unknown) => log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  };
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS, maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      if (options.logRequests !== false) log(`${request.method ?? '-'} ${readPath(request)} ${response.statusCode} ${Number((process.hrtime.bigint() - started) / 1_000_000n)}ms`);
    });
    void handleReaderRequest(context, request, response, readClientAddress(request));
  });
  // A request the HTTP parser cannot read (bad syntax, headers too large) gets a plain 400 and one line, no stack.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    log(`refused a malformed request (${error.code ?? 'parse error'})`);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 12\r\n\r\nBad request\n');
    else socket.destroy();
  });

  const host = options.host ?? config.serveHost;
  const port = options.port ?? config.servePort;
  try {
    await listen(server, host, port);
  } catch (error) {
    connection.close();
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = code === 'EADDRINUSE' ? 'the port is taken by another program' : code === 'EACCES' ? 'this user may not use that port' : code === 'EADDRNOTAVAIL' ? 'this machine has no such address' : code;
    throw new BriefError(`serve: cannot listen on ${host}:${port}: ${why}; pass another --port or --host (or set ${ENV_NAMES.servePort}, ${ENV_NAMES.serveHost})`, { cause: error });
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  context.publicUrl = config.publicUrl ?? url;
  if (config.publicUrl === undefined) log(`${ENV_NAMES.publicUrl} is not set: the links in confirmation mail point at ${url}`);
  return {
    url,
    port: address.port,
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      await mailer?.drain();
      connection.close();
    },
  };
}

// --- internal ---

const DEFAULT_BUSY_TIMEOUT_MS = 2_000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
// A slow client must not hold a connection open for long.
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;
// Node's default; a longer header block is answered 400 by the parser.
const MAX_HEADER_BYTES = 16 * 1024;

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}

// The path without its query, which holds addresses and tokens; cut short so a long URL cannot flood the log.
function readPath(request: IncomingMessage): string {
  const path = (request.url ?? '/').split('?')[0]!;
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

// Behind a reverse proxy on this machine, the client is the last address the proxy appended to X-Forwarded-For.
function readClientAddress(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  const isLoopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  if (!isLoopback || typeof forwarded !== 'string') return peer;
  return forwarded.split(',').pop()!.trim() || peer;
}
