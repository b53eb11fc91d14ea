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
  connections: number;
  /** While true, a message is stored on arrival but never answered: the window in which a sender can crash. */
  holdReplies: boolean;
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
  const state = { connections: 0, holdReplies: false };
  const server = new SMTPServer({
    secure,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: secure ? [] : ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (rejectRecipients.includes(address.address)) {
        return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      }
      if (deferRecipients.includes(address.address)) {
        return callback(Object.assign(new Error('greylisted, try again later'), { responseCode: 450 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        messages.push({
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
        });
        if (rejectDataWith !== undefined) return callback(Object.assign(new Error(rejectDataWith), { responseCode: 554 }));
        if (!state.holdReplies) callback();
      });
    },
  });
  // A client that gives up (as on a TLS failure) is an event of the test, not an error of the fake.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `${secure ? 'smtps' : 'smtp'}://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages,
    get connections() {
      return state.connections;
    },
    get holdReplies() {
      return state.holdReplies;
    },
    set holdReplies(value: boolean) {
      state.holdReplies = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
