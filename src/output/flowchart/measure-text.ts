// Estimated advance widths (in em) close to DejaVu Sans, the font the PNG is rendered with; wider fonts only add margin.
const NARROW = new Set([...`iljtfrI.,:;'!|()[]{} `]);
const WIDE = new Set([...'mwMWOQGDHNU@%']);

/** Approximate rendered width of `text` in pixels at `fontSize`. */
export function measureText(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) {
    if (NARROW.has(character)) ems += 0.34;
    else if (WIDE.has(character)) ems += 0.86;
    else if (character >= 'A' && character <= 'Z') ems += 0.7;
    else if (character.codePointAt(0)! > 0x2e7f) ems += 1; // CJK and emoji are full width
    else ems += 0.6;
  }
  return ems * fontSize;
}
