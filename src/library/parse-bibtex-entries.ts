/** One BibTeX entry: its type (lower case), key and fields (names lower case, values raw: braces and LaTeX kept). */
export interface BibtexEntry {
  type: string;
  key: string;
  fields: Map<string, string>;
}

/**
 * The entries of a BibTeX file, read as BibTeX itself does: text outside `@type{…}` is a comment, values are braced
 * (nested braces kept), quoted or a number or macro joined with `#`; `@string` macros and month names expand;
 * `@comment` and `@preamble` are skipped. An entry that does not close is counted in `unreadable`, the rest still read.
 */
export function parseBibtexEntries(text: string): { entries: BibtexEntry[]; unreadable: number } {
  const reader = new BibtexReader(text);
  const entries: BibtexEntry[] = [];
  let unreadable = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', reader.position)) {
    reader.position = at + 1;
    try {
      const entry = reader.readEntry();
      if (entry !== undefined) entries.push(entry);
    } catch (error) {
      if (!(error instanceof UnreadableEntry)) throw error;
      unreadable++;
      // Go on from the next line that starts an entry, as JabRef does.
      const next = text.slice(at + 1).search(/^\s*@/m);
      reader.position = next === -1 ? text.length : at + 1 + next;
    }
  }
  return { entries, unreadable };
}

// --- internal ---

class UnreadableEntry extends Error {}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

class BibtexReader {
  position = 0;
  private readonly macros = new Map<string, string>(MONTHS.map((month, index) => [month, String(index + 1)]));

  constructor(private readonly text: string) {}

  readEntry(): BibtexEntry | undefined {
    const type = this.readName().toLowerCase();
    if (type === '') return undefined;
    this.skipSpace();
    const open = this.text[this.position];
    // An "@" in text between entries (an address, a "@comment" line) starts nothing.
    if (open !== '{' && open !== '(') return undefined;
    const close = open === '{' ? '}' : ')';
    this.position++;
    if (type === 'comment' || type === 'preamble') {
      this.readBraced(open, close);
      return undefined;
    }
    if (type === 'string') {
      const [name, value] = this.readField();
      this.macros.set(name, value);
      this.expect(close);
      return undefined;
    }
    return this.readEntryBody(type, close);
  }

  private readEntryBody(type: string, close: string): BibtexEntry {
    this.skipSpace();
    const keyEnd = this.text.slice(this.position).search(/[,\s}]/);
    if (keyEnd === -1) throw new UnreadableEntry();
    const key = this.text.slice(this.position, this.position + keyEnd);
    this.position += keyEnd;
    const fields = new Map<string, string>();
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === close) break;
      this.expect(',');
      this.skipSpace();
      // A trailing comma before the closing brace is allowed.
      if (this.text[this.position] === close) break;
      const [name, value] = this.readField();
      fields.set(name, value);
    }
    this.position++;
    return { type, key, fields };
  }

  private readField(): [string, string] {
    const name = this.readName().toLowerCase();
    if (name === '') throw new UnreadableEntry();
    this.skipSpace();
    this.expect('=');
    const parts: string[] = [];
    do {
      this.skipSpace();
      parts.push(this.readValue());
      this.skipSpace();
    } while (this.text[this.position] === '#' && ++this.position);
    return [name, parts.join('')];
  }

  private readValue(): string {
    const first = this.text[this.position];
    if (first === '{') {
      this.position++;
      return this.readBraced('{', '}');
    }
    if (first === '"') {
      this.position++;
      return this.readQuoted();
    }
    const word = this.readName();
    if (word === '') throw new UnreadableEntry();
    return /^\d+$/.test(word) ? word : (this.macros.get(word.toLowerCase()) ?? word);
  }

  // The text up to the `close` that balances an `open` already read; braces inside are kept.
  private readBraced(open: string, close: string): string {
    const start = this.position;
    let depth = 1;
    for (; this.position < this.text.length; this.position++) {
      const character = this.text[this.position];
      if (character === '\\') this.position++;
      else if (character === open) depth++;
      else if (character === close && --depth === 0) return this.text.slice(start, this.position++);
    }
    throw new UnreadableEntry();
  }

  // The text up to a `"` outside braces; `\"` is an umlaut, not the end.
  private readQuoted(): string {
    const start = this.position;
    let depth = 0;
    for (; this.position < this.text.length; this.position++) {
      const character = this.text[this.position];
      if (character === '\\') this.position++;
      else if (character === '{') depth++;
      else if (character === '}') depth--;
      else if (character === '"' && depth === 0) return this.text.slice(start, this.position++);
    }
    throw new UnreadableEntry();
  }

  private readName(): string {
    const match = this.text.slice(this.position, this.position + 200).match(/^[A-Za-z0-9_:.+\-/'!?*&;<>|[\]]+/);
    const name = match?.[0] ?? '';
    this.position += name.length;
    return name;
  }

  private expect(character: string): void {
    if (this.text[this.position] !== character) throw new UnreadableEntry();
    this.position++;
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position++;
  }
}
