import { access } from 'node:fs/promises';
import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { fingerprintDay } from './fingerprint-day.js';
import { type PublishRecord, readPublishRecord } from './publish-record-store.js';

export interface UnchangedPublish {
  /** The record of the day's last publishing when its files would come out the same and are all still there. */
  unchanged: PublishRecord | undefined;
  /** `fingerprintDay` of `edition`, for `publishDay` to record without hashing every file again. */
  fingerprint: string;
}

/**
 * Whether publishing `edition` again would write the same files and they are all still there (`unchanged` is then
 * the day's record), with the edition's fingerprint either way. A rerun with nothing new rewrites nothing.
 */
export async function findUnchangedPublish(config: Pick<Config, 'outputDir' | 'publicUrl' | 'mailUnsubscribe'>, edition: Edition): Promise<UnchangedPublish> {
  const [record, fingerprint] = await Promise.all([readPublishRecord(config.outputDir, edition.date), fingerprintDay(config, edition)]);
  if (record === undefined || record.fingerprint !== fingerprint) return { unchanged: undefined, fingerprint };
  const present = await Promise.all([...record.paths, ...record.pages].map((path) => access(path).then(() => true, () => false)));
  return { unchanged: present.every(Boolean) ? record : undefined, fingerprint };
}
