import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors/brief-error.js';

/** A style's prompt file and its own version hash. */
export interface StylePrompt {
  text: string;
  /** Changes when the style's prompt, the shared system prompt or the paper's framing (paper.md) is edited, and only then: editing a style re-buys that style, never the briefs. */
  version: string;
}

export async function loadStylePrompt(directory: string, style: string, systemPrompt: string): Promise<StylePrompt> {
  const text = await readStylePromptFile(directory, style);
  // The paper's framing comes before every style's instructions; loadPrompts is the one to report it missing.
  const paperFraming = await readFile(join(directory, 'paper.md'), 'utf8').catch(() => '');
  return { text, version: createHash('sha256').update(`${systemPrompt}\0${paperFraming}\0${text}`).digest('hex').slice(0, 12) };
}

// --- internal ---

async function readStylePromptFile(directory: string, style: string): Promise<string> {
  const path = join(directory, `${style}.md`);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`prompt file ${path} cannot be read (${(error as NodeJS.ErrnoException).code}); the ${style} style needs it: copy it from the package's prompts/ folder`]);
  }
}
