import type { Config } from '../config/config-schema.js';
import { createFileReaderSendStore } from '../mail/create-file-reader-send-store.js';
import { renderSendStatus } from '../mail/render-send-status.js';

/** `summarize send --status`: each reader's outcome for a mailing, from its record; reads only, so it needs no lock and no SMTP settings. */
export async function readSendStatus(config: Config, mailing: { key: string; name: string; to?: readonly string[] | undefined }): Promise<string> {
  const recorded = await createFileReaderSendStore(config.outputDir, mailing.key).read();
  return renderSendStatus(mailing.name, recorded, mailing.to ?? config.mailTo ?? []);
}
