import { access } from 'node:fs/promises';
import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { fingerprintDay } from './fingerprint-day.js';
import { type PublishRecord, readPublishRecord } from './publish-record-store.js';

/**
 * The record of the day's last publishing when publishing `edition` again would write the same files and they are
 * all still there; undefined when the day must be published. A rerun with nothing new rewrites nothing.
 */
export async function findUnchangedPublish(config: Pick<Config, 'outputDir' | 'publicUrl' | 'mailUnsubscribe'>, edition: Edition): Promise<PublishRecord | undefined> {
  const record = await readPublishRecord(config.outputDir, edition.date);
  if (record === undefined || record.fingerprint !== (await fingerprintDay(config, edition))) return undefined;
  const present = await Promise.all([...record.paths, ...record.pages].map((path) => access(path).then(() => true, () => false)));
  return present.every(Boolean) ? record : undefined;
}
