import type { Config } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { ConfigError } from '../errors/brief-error.js';
import type { CheckResult } from './check-result.js';

/** Loads the configuration the way every command does, turning each problem into a line instead of an exit. */
export function checkConfig(env: NodeJS.ProcessEnv, envFile?: string): { result: CheckResult; config?: Config } {
  const base = { id: 'config', title: 'configuration' };
  try {
    const config = loadConfig({ env, ...(envFile === undefined ? {} : { envFile }) });
    return { result: { ...base, status: 'ok', message: `loaded (model ${config.model})` }, config };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const count = error.problems.length;
    return {
      result: {
        ...base,
        status: 'failed',
        message: `${count} problem${count === 1 ? '' : 's'}`,
        fix: 'correct these settings in .env or the environment (see .env.example)',
        problems: error.problems,
      },
    };
  }
}
