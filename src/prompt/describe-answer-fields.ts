import type { StyleName } from '../brief/style-names.js';

/** The line that names the fields of the paper's one schema a call fills: `Answer in the fields "blurb" and "commentary" …`. */
export function describeAnswerFields(fields: readonly StyleName[]): string {
  const named = fields.map((field) => `"${field}"`);
  const listed = named.length === 1 ? `the field ${named[0]}` : `the fields ${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `Answer in ${listed} of the JSON object; set every other field to null.`;
}
