import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors/brief-error.js';

export const PROMPT_FILES = {
  system: 'system.md',
  brief: 'brief.md',
  sectionNotes: 'section-notes.md',
} as const;

export type Prompts = Record<keyof typeof PROMPT_FILES, string> & {
  /** A hash of the prompt files: a brief made with other prompts is not reused. */
  version: string;
};

// Prompts are files users edit; their hash goes into every brief so an edit regenerates.
export async function loadPrompts(directory: string): Promise<Prompts> {
  const hash = createHash('sha256');
  const texts: Partial<Prompts> = {};
  for (const [key, file] of Object.entries(PROMPT_FILES) as Array<[keyof typeof PROMPT_FILES, string]>) {
    const path = join(directory, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new ConfigError([`prompt file ${path} cannot be read (${(error as NodeJS.ErrnoException).code}); set SUMMARIZE_PROMPTS_DIR to a folder with ${Object.values(PROMPT_FILES).join(', ')}`]);
    }
    texts[key] = text;
    hash.update(`${file}\0${text}\0`);
  }
  return { ...(texts as Record<keyof typeof PROMPT_FILES, string>), version: hash.digest('hex').slice(0, 12) };
}
