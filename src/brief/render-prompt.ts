import { BriefError } from '../errors/brief-error.js';

// The paper is untrusted: it must not be able to close the delimiter it is wrapped in.
const DELIMITER = /<\/?\s*paper_text\s*>/gi;

/** Fills `{{name}}` placeholders; `paperText` is defanged so it stays inside its delimiters. */
export function renderPrompt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new BriefError(`the prompt uses {{${name}}}, which is not one of: ${Object.keys(values).join(', ')}`);
    }
    const text = String(value);
    return name === 'paperText' ? text.replace(DELIMITER, '[paper_text marker removed]') : text;
  });
}
