import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpServer } from '../config/parse-smtp-url.js';
import { toSmtpConnectionOptions } from './to-smtp-connection-options.js';

/** A failed conversation, and whether the message's last byte had been handed to the connection: only then may the server have it. */
type SmtpSendError = Error & { handedOver: boolean; code?: unknown; responseCode?: unknown };

/**
 * Sends one message, as built, over a connection of its own: greeting, login, envelope, DATA. Rejects with an
 * `SmtpSendError` whose `handedOver` tells a failure before the message was given to the server (it surely has
 * nothing) from one after (no answer: it may have it).
 */
export function sendRawMessage(server: SmtpServer, envelope: { from: string; to: string[] }, raw: Buffer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let handedOver = false;
    let finished = false;
    const connection = new SMTPConnection(toSmtpConnectionOptions(server, timeoutMs));
    const finish = (error?: Error | null) => {
      if (finished) return;
      finished = true;
      connection.close();
      if (error) reject(Object.assign(error, { handedOver }));
      else resolve();
    };
    connection.once('error', (error) => finish(error));
    // Read only once the server has said 354 to DATA: its end is the moment the server may have the message.
    const message = new Readable({
      read() {
        this.push(raw);
        this.push(null);
      },
    });
    message.once('end', () => {
      handedOver = true;
    });
    const sendMessage = () => connection.send({ ...envelope, size: raw.length }, message, (error) => finish(error));
    connection.connect((error) => {
      if (finished) return;
      if (error) return finish(error);
      if (server.auth && connection.allowsAuth) connection.login(server.auth, (loginError) => (loginError ? finish(loginError) : sendMessage()));
      else sendMessage();
    });
  });
}
