// A text matched as itself inside a RegExp: a URL's dots and question mark are no patterns.
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
