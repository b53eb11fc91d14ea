import { join, relative, resolve } from 'node:path';
import type { Config } from '../config/config-schema.js';
import { ConfigError } from '../errors/brief-error.js';

/** `<data folder>/readers.sqlite`: the one file of readers, sends and votes. */
export function getReadersDatabasePath(config: Pick<Config, 'dataDir' | 'outputDir'>): string {
  return join(getDataDir(config), 'readers.sqlite');
}

/** SUMMARIZE_DATA_DIR, or `<output>-data` beside the output folder; refused inside it, where publishing would copy it. */
export function getDataDir(config: Pick<Config, 'dataDir' | 'outputDir'>): string {
  const output = resolve(config.outputDir);
  const data = config.dataDir === undefined ? `${output}-data` : resolve(config.dataDir);
  const inside = relative(output, data);
  if (inside === '' || !inside.startsWith('..')) {
    throw new ConfigError([`SUMMARIZE_DATA_DIR: ${data} is inside the output folder ${output}, which is published; choose a folder outside it (default: ${output}-data)`]);
  }
  return data;
}
