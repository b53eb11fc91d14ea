import { ENV_NAMES, type Config } from '../config/config-schema.js';
import { parseSmtpUrl } from '../config/parse-smtp-url.js';
import { ConfigError } from '../errors/brief-error.js';
import { type DkimSigning, loadDkimSigning } from '../smtp/load-dkim-signing.js';
import { hasMailReaders } from '../readers/has-mail-readers.js';
import { openMailAudience } from '../readers/open-mail-audience.js';

/** Fails (ConfigError, one line a problem) when mailing could not work, so `nightly --send` finds out before spending anything. */
export function assertMailConfigured(config: Config): void {
  // Chat channels alone are a way to send: without recipients, there is no mail to check.
  if ((config.webhooks?.length ?? 0) > 0 && !hasMailReaders(config)) return;
  const audience = openMailAudience(config, { key: 'check', kind: 'edition' });
  audience.close();
  // Readers in the database, none of them active: nothing will be mailed, so nothing to check.
  if (audience.source === 'database' && audience.recipients.length === 0) return;
  checkMailConfig(config, { dryRun: false, to: audience.source === 'database' ? audience.recipients : undefined });
}

/** The sender, the readers (`--to` first) and the server, or every missing setting named at once. */
export function checkMailConfig(config: Config, options: { to?: readonly string[] | undefined; dryRun: boolean }) {
  const problems: string[] = [];
  if (!config.mailFrom) problems.push(`${ENV_NAMES.mailFrom}: not set; the sender, e.g. "arXiv Brief <brief@example.org>"`);
  const recipients = options.to ?? config.mailTo ?? [];
  if (recipients.length === 0) problems.push(`${ENV_NAMES.mailTo}: not set; the recipients, comma-separated (or pass --to)`);
  if (!options.dryRun && !config.smtpUrl) problems.push(`${ENV_NAMES.smtpUrl}: not set; e.g. smtps://user:password@smtp.example.org:465 (or use --dry-run)`);
  const dkim = readDkimSettings(config, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const server = config.smtpUrl ? parseSmtpUrl(config.smtpUrl) : undefined;
  return { from: config.mailFrom!, recipients, server, dkim };
}

// --- internal ---

// All three settings or none; with all three, the key must be a readable PEM private key.
function readDkimSettings(config: Config, problems: string[]): DkimSigning | undefined {
  const settings = [['dkimDomain', config.dkimDomain], ['dkimSelector', config.dkimSelector], ['dkimKeyFile', config.dkimKeyFile]] as const;
  if (settings.every(([, value]) => value === undefined)) return undefined;
  const together = `DKIM signing needs ${ENV_NAMES.dkimDomain}, ${ENV_NAMES.dkimSelector} and ${ENV_NAMES.dkimKeyFile} together (or none of them)`;
  for (const [key, value] of settings) if (value === undefined) problems.push(`${ENV_NAMES[key]}: not set; ${together}`);
  if (config.dkimDomain === undefined || config.dkimSelector === undefined || config.dkimKeyFile === undefined) return undefined;
  const signing = loadDkimSigning(config.dkimDomain, config.dkimSelector, config.dkimKeyFile);
  if (typeof signing === 'string') {
    problems.push(`${ENV_NAMES.dkimKeyFile}: ${signing}`);
    return undefined;
  }
  return signing;
}
