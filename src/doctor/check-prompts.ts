import { loadPrompts } from '../brief/load-prompts.js';
import { ConfigError } from '../errors/brief-error.js';
import type { CheckResult } from './check-result.js';

/** The prompt files are read at the start of every run; a typo in SUMMARIZE_PROMPTS_DIR fails them all. */
export async function checkPrompts(promptsDir: string): Promise<CheckResult> {
  const base = { id: 'prompts', title: 'prompt files' };
  try {
    const prompts = await loadPrompts(promptsDir);
    return { ...base, status: 'ok', message: `loaded from ${promptsDir} (version ${prompts.version})` };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // loadPrompts' message already names the file and the setting that fixes it
    return { ...base, status: 'failed', message: error.problems.join('; ') };
  }
}
