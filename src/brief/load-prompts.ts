import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors/brief-error.js';
import { loadStylePrompt } from './load-style-prompt.js';
import { isProseStyle, type ProseStyleName, type StyleName } from './style-names.js';

export const PROMPT_FILES = {
  system: 'system.md',
  /** The paper as every call of it starts: one byte-identical prefix the server's prompt cache reuses. */
  paper: 'paper.md',
  brief: 'brief.md',
  sectionNotes: 'section-notes.md',
} as const;

export type Prompts = Record<keyof typeof PROMPT_FILES, string> & {
  /** A hash of the prompt files: a brief made with other prompts is not reused. */
  version: string;
  /** The prompts of the prose styles asked for, each versioned on its own: editing one regenerates that style only. */
  styles: Partial<Record<ProseStyleName, { text: string; version: string }>>;
};

// Prompts are files users edit; their hash goes into every brief so an edit regenerates.
export async function loadPrompts(directory: string, styles: readonly StyleName[] = []): Promise<Prompts> {
  const hash = createHash('sha256');
  const texts: Partial<Prompts> = {};
  for (const [key, file] of Object.entries(PROMPT_FILES) as Array<[keyof typeof PROMPT_FILES, string]>) {
    const path = join(directory, file);
    const text = await readPromptFile(path, Object.values(PROMPT_FILES));
    texts[key] = text;
    hash.update(`${file}\0${text}\0`);
  }
  const stylePrompts: Prompts['styles'] = {};
  for (const style of styles) {
    // The brief's prompts are above; the podcast's is loaded by its own step, with the same loader.
    if (!isProseStyle(style)) continue;
    stylePrompts[style] = await loadStylePrompt(directory, style, texts.system!);
  }
  return { ...(texts as Record<keyof typeof PROMPT_FILES, string>), version: hash.digest('hex').slice(0, 12), styles: stylePrompts };
}

// --- internal ---

async function readPromptFile(path: string, needed: string[]): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`prompt file ${path} cannot be read (${(error as NodeJS.ErrnoException).code}); set SUMMARIZE_PROMPTS_DIR to a folder with ${needed.join(', ')}`]);
  }
}
