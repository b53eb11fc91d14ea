import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors/brief-error.js';

/** A style's prompt file and its own version hash. */
export interface StylePrompt {
  text: string;
  /** Changes when the style's prompt or the shared system prompt is edited, and only then: editing a style re-buys that style, never the briefs. */
  version: string;
}

export async function loadStylePrompt(directory: string, style: string, systemPrompt: string): Promise<StylePrompt> {
  const path = join(directory, `${style}.md`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`prompt file ${path} cannot be read (${(error as NodeJS.ErrnoException).code}); the ${style} style needs it: copy it from the package's prompts/ folder`]);
  }
  return { text, version: createHash('sha256').update(`${systemPrompt}\0${text}`).digest('hex').slice(0, 12) };
}
