import type { Config } from '../config/config-schema.js';
import { renderSendStatus } from '../reader-sends/render-send-status.js';
import { openMailAudience } from '../readers/open-mail-audience.js';

/** `summarize send --status`: each reader's outcome for a mailing, from its record; reads only, so it needs no lock and no SMTP settings. */
export async function readSendStatus(config: Config, mailing: { key: string; name: string; to?: readonly string[] | undefined }): Promise<string> {
  const audience = openMailAudience(config, { key: mailing.key, kind: 'edition', to: mailing.to });
  try {
    return renderSendStatus(mailing.name, await audience.store.read(), audience.recipients);
  } finally {
    audience.close();
  }
}
