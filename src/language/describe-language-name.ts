const ENGLISH_NAMES = new Intl.DisplayNames('en', { type: 'language', fallback: 'code' });

/** `Greek (el)`, `Simplified Chinese (zh-Hans)`: a language as a reader knows it, with its tag for the precise. */
export function describeLanguageName(tag: string): string {
  let name: string | undefined;
  try {
    name = ENGLISH_NAMES.of(tag);
  } catch {
    name = undefined;
  }
  return name === undefined || name === tag ? tag : `${name} (${tag})`;
}
