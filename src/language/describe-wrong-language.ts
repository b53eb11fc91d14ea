/** Still in the wrong language after the repair round: the warning that flags it for the reader (the text is never dropped). */
export function describeWrongLanguage(wrongLanguage: string | undefined, tag: string): string | undefined {
  return wrongLanguage ? `written in ${wrongLanguage}, not in ${tag} as asked` : undefined;
}
