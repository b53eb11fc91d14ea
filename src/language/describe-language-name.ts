// Made on first use: loading ICU's names costs a run that names no language a few dozen milliseconds.
let englishNames: Intl.DisplayNames | undefined;

/** `Greek (el)`, `Simplified Chinese (zh-Hans)`: a language as a reader knows it, with its tag for the precise. */
export function describeLanguageName(tag: string): string {
  let name: string | undefined;
  try {
    englishNames ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'code' });
    name = englishNames.of(tag);
  } catch {
    name = undefined;
  }
  return name === undefined || name === tag ? tag : `${name} (${tag})`;
}
