import type { Config } from '../config/config-schema.js';
import { parseSmtpUrl } from '../config/parse-smtp-url.js';
import { getReaderPageMessages } from '../language/reader-page-messages.js';
import { buildRawMessage } from '../smtp/build-raw-message.js';
import { bareAddress } from '../mail/compose-edition-message.js';
import { describeSmtpFailure } from '../smtp/describe-smtp-failure.js';
import { hideAddresses } from '../reader-sends/hide-addresses.js';
import { loadDkimSigning } from '../smtp/load-dkim-signing.js';
import { sendRawMessage } from '../smtp/send-raw-message.js';
import { toReaderId } from '../reader-sends/to-reader-id.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import { redactSecrets } from '../secrets/redact-secrets.js';

/** Mails confirmation links one at a time, after the page has been answered: the answer takes as long whoever asks. */
export interface ConfirmationMailer {
  send(address: string, language: string, link: string): void;
  /** Resolves once every mail queued so far has gone (or failed). */
  drain(): Promise<void>;
}

/** The mailer of `summarize serve`, or undefined without SMTP_URL and SUMMARIZE_MAIL_FROM; failures are logged by reader id. */
export function createConfirmationMailer(config: Config, log: (line: string) => void): ConfirmationMailer | undefined {
  if (config.smtpUrl === undefined || config.mailFrom === undefined) return undefined;
  const server = parseSmtpUrl(config.smtpUrl);
  const from = config.mailFrom;
  const signing = config.dkimDomain && config.dkimSelector && config.dkimKeyFile ? loadDkimSigning(config.dkimDomain, config.dkimSelector, config.dkimKeyFile) : undefined;
  const dkim = typeof signing === 'string' ? undefined : signing;
  if (typeof signing === 'string') log(`confirmation mail goes unsigned: ${signing}`);
  const secrets = collectConfigSecrets(config);
  let queue = Promise.resolve();
  return {
    send(address, language, link) {
      queue = queue.then(async () => {
        try {
          const words = getReaderPageMessages(language);
          const raw = await buildRawMessage({ from, to: address, subject: words.confirmMailSubject, text: words.confirmMailBody(link), textEncoding: 'quoted-printable', disableUrlAccess: true }, dkim);
          await sendRawMessage(server, { from: bareAddress(from), to: [address] }, raw, SEND_TIMEOUT_MS);
        } catch (error) {
          log(`could not mail the confirmation link to ${toReaderId(address)}: ${hideAddresses(redactSecrets(describeSmtpFailure(error, server), secrets))}`);
        }
      });
    },
    drain: () => queue,
  };
}

// --- internal ---

const SEND_TIMEOUT_MS = 30_000;
