/** `text` split where `separator` matches outside braces: "{Barnes and Noble} and Ada" has two authors, not three. */
export function splitAtTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') index++;
    else if (character === '{') depth++;
    else if (character === '}') depth--;
    else if (depth === 0) {
      const match = text.slice(index).match(separator);
      if (match?.index === 0) {
        parts.push(text.slice(start, index));
        index += match[0].length - 1;
        start = index + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}
