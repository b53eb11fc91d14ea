import { type Config, ENV_NAMES } from '../config/config-schema.js';
import { hasLlmAccess, loadConfig } from '../config/load-config.js';
import { ConfigError } from '../errors/brief-error.js';
import type { CheckResult } from './check-result.js';

/** Loads the configuration the way every command does, turning each problem into a line instead of an exit. */
export function checkConfig(env: NodeJS.ProcessEnv, envFile?: string): { result: CheckResult; config?: Config } {
  const base = { id: 'config', title: 'configuration' };
  try {
    const config = loadConfig({ env, ...(envFile === undefined ? {} : { envFile }) });
    // Valid, but no command that calls the model can run: the other checks still go on.
    if (!hasLlmAccess(config)) {
      const fix = `put ${ENV_NAMES.openaiApiKey} in .env or the environment, or set ${ENV_NAMES.openaiBaseUrl} to a local OpenAI-compatible server such as Ollama`;
      return { result: { ...base, status: 'failed', message: `${ENV_NAMES.openaiApiKey} is not set`, fix }, config };
    }
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
