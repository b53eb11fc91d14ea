import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import type { DkimSigning } from './load-dkim-signing.js';

/**
 * The message exactly as the SMTP server receives it: built by nodemailer's own pipeline (and DKIM-signed when
 * signing is set up) with CRLF line ends. A dry run writes these bytes; a send hands the same bytes to the server.
 */
export async function buildRawMessage(message: SendMailOptions, dkim: DkimSigning | undefined): Promise<Buffer> {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    disableUrlAccess: true,
    ...(dkim ? { dkim: { domainName: dkim.domain, keySelector: dkim.selector, privateKey: dkim.privateKey } } : {}),
  });
  const info = await transport.sendMail(message);
  return info.message as Buffer;
}
