import { describe, expect, it } from 'vitest';
import { LibraryFileError } from '../../src/library/library-file-error.js';
import { parseLibraryFile } from '../../src/library/parse-library-file.js';
import { JABREF_BIBTEX, ZOTERO_BIBTEX, ZOTERO_CSL_JSON, ZOTERO_RDF, ZOTERO_RIS } from './zotero-exports.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const failure = (bytes: Uint8Array, fileName: string): string => {
  try {
    parseLibraryFile(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(LibraryFileError);
    return (error as Error).message;
  }
  throw new Error(`${fileName} was read`);
};

describe('a Zotero or JabRef BibTeX export', () => {
  it('gives each paper its title, abstract, authors, arXiv ID and the day it was saved, LaTeX turned into text', () => {
    const { format, items, skipped } = parseLibraryFile(utf8(ZOTERO_BIBTEX), 'My Library.bib');
    expect(format).toBe('BibTeX');
    expect(skipped).toBe(0);
    expect(items[0]).toEqual({
      title: 'Attention Is All You Need',
      abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration.',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
      arxivId: '1706.03762',
      addedAt: '2024-03-05T00:00:00.000Z',
    });
    // No day saved: the year published stands in.
    expect(items[1]).toMatchObject({ title: 'On random graphs I', authors: ['Paul Erdős', 'Alfréd Rényi'], arxivId: null, addedAt: '1959-01-01T00:00:00.000Z', abstract: '' });
    expect(items[2]).toMatchObject({
      title: 'Gödel Meets Transformers: Pruning via über-sparse α-attention',
      abstract: 'We prune Ö-style heads – keeping 10% of them.',
      // A braced name is one author even with "and" in it; "others" is nobody.
      authors: ['Jürgen Müller', 'Renée François', 'Barnes and Noble Research'],
    });
  });

  it('reads JabRef eprint fields, creation dates, @string macros joined with # and skips @comment', () => {
    const { items } = parseLibraryFile(utf8(JABREF_BIBTEX), 'references.bib');
    expect(items).toEqual([
      { title: 'Deep Residual Learning for Image Recognition', abstract: '', authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'], arxivId: '1512.03385', addedAt: '2023-01-15T09:30:00.000Z' },
      {
        title: 'Adam: A Method for Stochastic Optimization',
        abstract: 'We introduce Adam, an algorithm for first-order gradient-based optimization.',
        authors: ['Diederik P. Kingma', 'Jimmy Ba'],
        arxivId: '1412.6980',
        addedAt: '2022-06-01T00:00:00.000Z',
      },
    ]);
  });

  it('reads the entries around one that never closes, and counts it', () => {
    const broken = `${JABREF_BIBTEX.replace('@Comment{jabref-meta: databaseType:biblatex;}', '')}\n@article{broken,\n  title = {An entry whose brace never closes,\n  year = 2020,\n`;
    const withBrokenFirst = `@article{broken, title = {Never closed\n\n${ZOTERO_BIBTEX}`;
    expect(parseLibraryFile(utf8(broken), 'a.bib')).toMatchObject({ skipped: 1, items: [{ title: 'Deep Residual Learning for Image Recognition' }, { title: 'Adam: A Method for Stochastic Optimization' }] });
    expect(parseLibraryFile(utf8(withBrokenFirst), 'b.bib')).toMatchObject({ skipped: 1, items: [{ title: 'Attention Is All You Need' }, {}, {}] });
  });
});

describe('a Zotero RIS export', () => {
  it('gives each record its fields, a wrapped abstract joined and the access day as the day saved', () => {
    const { format, items } = parseLibraryFile(utf8(ZOTERO_RIS), 'Exported Items.ris');
    expect(format).toBe('RIS');
    expect(items).toEqual([
      {
        title: 'Language Models are Few-Shot Learners',
        abstract: 'Recent work has demonstrated substantial gains on many NLP tasks and benchmarks by pre-training on a large corpus of text followed by fine-tuning on a specific task.',
        authors: ['Tom B. Brown', 'Benjamin Mann'],
        arxivId: '2005.14165',
        addedAt: '2024-02-10T14:03:11.000Z',
      },
      { title: 'Mastering the game of Go with deep neural networks and tree search', abstract: '', authors: ['David Silver'], arxivId: null, addedAt: '2016-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('a Zotero CSL JSON export', () => {
  it('gives each item its fields, literal names kept and the accessed day as the day saved', () => {
    const { format, items } = parseLibraryFile(utf8(ZOTERO_CSL_JSON), 'Exported Items.json');
    expect(format).toBe('CSL JSON');
    expect(items).toEqual([
      {
        title: 'Denoising Diffusion Probabilistic Models',
        abstract: 'We present high quality image synthesis results using diffusion probabilistic models.',
        authors: ['Jonathan Ho', 'Ajay Jain', 'Google Brain'],
        arxivId: '2006.11239',
        addedAt: '2024-05-02T00:00:00.000Z',
      },
      { title: 'Long Short-Term Memory', abstract: '', authors: ['Sepp Hochreiter', 'Jürgen Schmidhuber'], arxivId: null, addedAt: '1997-11-15T00:00:00.000Z' },
    ]);
  });
});

describe("a Zotero RDF export, Zotero's own format", () => {
  it('gives each paper its fields and the day it was added, and leaves out attachments, notes and collections', () => {
    const { format, items, skipped } = parseLibraryFile(utf8(`<?xml version="1.0"?>\n${ZOTERO_RDF}`), 'Exported Items.rdf');
    expect(format).toBe('Zotero RDF');
    expect(skipped).toBe(0);
    expect(items).toEqual([
      {
        title: 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models',
        abstract: 'We explore how generating a chain of thought & a series of intermediate reasoning steps improves reasoning.',
        authors: ['Jason Wei', 'Denny Zhou'],
        arxivId: '2201.11903',
        addedAt: '2024-04-02T08:15:30.000Z',
      },
      { title: 'Deep Learning', abstract: '', authors: ['Ian Goodfellow'], arxivId: null, addedAt: '2016-01-01T00:00:00.000Z' },
    ]);
  });

  it('names a file cut short', () => {
    expect(failure(utf8(ZOTERO_RDF.slice(0, 1_500)), 'cut.rdf')).toMatch(/^cut\.rdf: looks like Zotero RDF but is not valid XML \(/);
  });
});

describe('the format', () => {
  it('is told from the content, not the file name', () => {
    expect(parseLibraryFile(utf8(ZOTERO_RIS), 'library.bib').format).toBe('RIS');
    expect(parseLibraryFile(utf8(ZOTERO_BIBTEX), 'export.txt').format).toBe('BibTeX');
    expect(parseLibraryFile(utf8(`\uFEFF${ZOTERO_CSL_JSON}`), 'export').format).toBe('CSL JSON');
  });

  it('may be UTF-16 with a byte-order mark, as Windows tools save "Unicode" text', () => {
    const text = `\uFEFF${ZOTERO_BIBTEX}`;
    const littleEndian = new Uint8Array(text.length * 2);
    for (let index = 0; index < text.length; index++) {
      littleEndian[index * 2] = text.charCodeAt(index) & 0xff;
      littleEndian[index * 2 + 1] = text.charCodeAt(index) >> 8;
    }
    expect(parseLibraryFile(littleEndian, 'unicode.bib').items.map((item) => item.authors[0])).toEqual(['Ashish Vaswani', 'Paul Erdős', 'Jürgen Müller']);
  });
});

describe('a file that is not a library', () => {
  const hint = 'export your library from Zotero (File → Export Library…) or JabRef as BibTeX, RIS or CSL JSON';

  it.each([
    ['notes.txt', utf8('Papers to read this week:\n- attention paper\n- the diffusion one\n'), 'notes.txt: is not BibTeX, RIS, CSL JSON or Zotero RDF (it starts "Papers to read this week:\\n- attention pa")'],
    ['empty.bib', utf8(' \n\n'), 'empty.bib: is empty'],
    ['comments.bib', utf8('% nothing yet\n@comment{jabref-meta: databaseType:bibtex;}\n'), 'comments.bib: is BibTeX but has no paper with a title in it'],
    ['untitled.ris', utf8('TY  - JOUR\r\nAU  - Silver, David\r\nER  - \r\n'), 'untitled.ris: is RIS but has no paper with a title in it (1 entry without a title or not closed)'],
    ['items.json', utf8('{"items": [1, 2]'), 'items.json: looks like JSON but is not valid JSON'],
    ['package.json', utf8('{"name": "not-a-library", "version": "1.0.0"}'), 'package.json: is JSON but not CSL JSON: its objects have no "title" or "type"'],
    ['paper.pdf', utf8('%PDF-1.7\n%\xff\xfe').map((byte, index) => (index > 9 ? 0xff : byte)), 'paper.pdf: is not text (not valid UTF-8): it is a PDF, not a list of papers'],
    ['export.xml', utf8('<?xml version="1.0"?>\n<records><record><title>A paper</title></record></records>'), ': it looks like XML or HTML'],
    ['empty.rdf', utf8('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:z="http://www.zotero.org/namespaces/export#"></rdf:RDF>'), 'empty.rdf: is Zotero RDF but has no paper with a title in it'],
  ])('%s gets one line naming it, what is wrong and how to export one', (fileName, bytes, message) => {
    const line = failure(bytes, fileName);
    expect(line).toContain(message);
    expect(line).toContain(hint);
    expect(line).not.toContain('\n');
  });

  it('refuses UTF-16 without a byte-order mark rather than guess its byte order', () => {
    const bytes = new Uint8Array(200).map((_, index) => (index % 2 === 0 ? '@'.charCodeAt(0) : 0));
    expect(failure(bytes, 'guess.bib')).toContain('guess.bib: looks like UTF-16 text without a byte-order mark, which cannot be read safely; save it as UTF-8');
  });
});
