import { BriefError } from '../errors/brief-error.js';

// Paper text, title and abstract are untrusted: none may close the delimiter they are wrapped in.
const DELIMITER = /<\/?\s*paper_text\s*>/gi;

/** Fills `{{name}}` placeholders, each defanged so it stays inside the data delimiters. */
export function renderPrompt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new BriefError(`the prompt uses {{${name}}}, which is not one of: ${Object.keys(values).join(', ')}`);
    }
    return String(value).replace(DELIMITER, '[paper_text marker removed]');
  });
}
