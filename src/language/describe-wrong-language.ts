import { describeLanguageName } from './describe-language-name.js';

/** Still in the wrong language after the repair round: the warning that flags it for the reader (the text is never dropped). */
export function describeWrongLanguage(wrongLanguage: string | undefined, tag: string): string | undefined {
  return wrongLanguage ? `written in ${describeLanguageName(wrongLanguage)}, not in ${describeLanguageName(tag)} as asked` : undefined;
}
