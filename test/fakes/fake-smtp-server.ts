import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the fake accepted: the envelope and the raw RFC 5322 bytes. */
export type ReceivedMail = { from: string; to: string[]; raw: Buffer };

export type FakeSmtp = {
  port: number;
  /** `smtp://user:pass@127.0.0.1:<port>` with the credentials the fake accepts. */
  url: string;
  messages: ReceivedMail[];
  /** Connections opened, to prove a dry run or a refusal made none. */
  readonly connections: number;
  /** Recipients answered `450 try again later` (the option's list; empty it and the greylisting ends). */
  deferRecipients: string[];
  /** While true, a message is stored on arrival but never answered: the window in which a sender can crash. */
  holdReplies: boolean;
  /** From this message on (1 = the first the server ever got), hold the reply as `holdReplies` does. */
  holdRepliesFrom: number | undefined;
  /** This message (1-based) is stored whole, then the connection is closed with no answer: dropped mid-DATA. */
  dropConnectionAfterMessage: number | undefined;
  /** From this connection on (1-based), the server closes the connection before its greeting. */
  closeBeforeGreetingFrom: number | undefined;
  /** Called as each message arrives, before the server answers: what the sender had on disk by then can be read here. */
  onMessage: ((message: ReceivedMail) => void) | undefined;
  /** Resolves once the server has received `count` messages in all. */
  waitForMessages(count: number): Promise<void>;
  close(): Promise<void>;
};

export type FakeSmtpOptions = {
  user?: string;
  pass?: string;
  /** Recipients answered `550 mailbox unavailable`. */
  rejectRecipients?: string[];
  /** Recipients answered `450 try again later`, as a greylisting server does. */
  deferRecipients?: string[];
  /** TLS from the first byte with smtp-server's self-signed certificate (which clients reject). */
  secure?: boolean;
  /** Refuse every message after DATA with this text (554), as a server quoting what it was sent may. */
  rejectDataWith?: string;
};

/** A real SMTP server (smtp-server, from the nodemailer project) on 127.0.0.1, with AUTH PLAIN/LOGIN and no STARTTLS. */
export async function startFakeSmtp({ user = 'editor', pass = 'Sm7p-s3cret-Pa55', rejectRecipients = [], deferRecipients = [], secure = false, rejectDataWith }: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let connections = 0;
  // smtp-server keeps its connections (with their sockets) under their session's id: how the fake hangs up on one.
  const hangUp = (sessionId: string) => {
    for (const connection of (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections) {
      if (connection.id === sessionId) connection._socket.destroy();
    }
  };
  const server = new SMTPServer({
    secure,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: secure ? [] : ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      connections++;
      if (fake.closeBeforeGreetingFrom !== undefined && connections >= fake.closeBeforeGreetingFrom) return hangUp(session.id);
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (rejectRecipients.includes(address.address)) {
        // Quoting the address, as real servers do: what the sender prints must not pass it on.
        return callback(Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      }
      if (fake.deferRecipients.includes(address.address)) {
        return callback(Object.assign(new Error(`<${address.address}>: greylisted, try again later`), { responseCode: 450 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        const message = {
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
        };
        messages.push(message);
        fake.onMessage?.(message);
        for (const waiter of waiters.filter((entry) => messages.length >= entry.count)) waiter.resolve();
        if (messages.length === fake.dropConnectionAfterMessage) return hangUp(session.id);
        if (rejectDataWith !== undefined) return callback(Object.assign(new Error(rejectDataWith), { responseCode: 554 }));
        const held = fake.holdReplies || (fake.holdRepliesFrom !== undefined && messages.length >= fake.holdRepliesFrom);
        if (!held) callback();
      });
    },
  });
  // A client that gives up (as on a TLS failure) is an event of the test, not an error of the fake.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const fake: FakeSmtp = {
    port,
    url: `${secure ? 'smtps' : 'smtp'}://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages,
    get connections() {
      return connections;
    },
    deferRecipients: [...deferRecipients],
    holdReplies: false,
    holdRepliesFrom: undefined,
    dropConnectionAfterMessage: undefined,
    closeBeforeGreetingFrom: undefined,
    onMessage: undefined,
    waitForMessages: (count) => (messages.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
