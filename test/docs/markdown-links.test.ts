import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { type Token, type Tokens, lexer } from 'marked';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

describe('README.md and docs/*.md render as written', () => {
  it.each(PAGES)('%s closes every code fence it opens', (page) => {
    const source = read(page);
    const problems = walk(lexer(source))
      .filter((token): token is Tokens.Code => token.type === 'code' && token.codeBlockStyle !== 'indented')
      .flatMap((fence) => describeFenceProblem(fence, source));
    expect(problems).toEqual([]);
  });

  it.each(PAGES)('%s links only to anchors and files that exist', (page) => {
    const deadLinks = linksOf(page).filter((link) => describeDeadLink(page, link) !== undefined).map((link) => `${link}: ${describeDeadLink(page, link)}`);
    expect(deadLinks).toEqual([]);
  });

  it('finds the pages and their links (the README links every docs page)', () => {
    const readmeLinks = linksOf('README.md').map((link) => link.split('#')[0]);
    const unlinked = PAGES.filter((page) => page !== 'README.md' && !readmeLinks.includes(page));
    expect(unlinked).toEqual([]);
  });

  it("names the GitHub repository in package.json, against which npm resolves the packed README's relative links", () => {
    const packageJson = JSON.parse(read('package.json')) as { repository?: { url?: string }; homepage?: string; bugs?: { url?: string } };
    expect(packageJson.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    expect(packageJson.homepage).toMatch(/^https:\/\/github\.com\//);
    expect(packageJson.bugs?.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
  });
});

// --- internal ---

function read(page: string): string {
  return readFileSync(join(ROOT, page), 'utf8');
}

// Every token of the tree: blocks, list items, table cells and inline tokens.
function walk(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => {
    const record = token as unknown as Record<string, unknown>;
    const cells = [...((record.header as Array<{ tokens: Token[] }>) ?? []), ...((record.rows as Array<Array<{ tokens: Token[] }>>) ?? []).flat()];
    const children = [...((record.tokens as Token[]) ?? []), ...((record.items as Token[]) ?? []), ...cells.flatMap((cell) => cell.tokens)];
    return [token, ...walk(children)];
  });
}

// An unclosed fence swallows the rest of the page; a fence opened inside one means an earlier fence closed too soon.
function describeFenceProblem(fence: Tokens.Code, source: string): string[] {
  const line = source.slice(0, source.indexOf(fence.raw)).split('\n').length;
  const opener = /^ {0,3}(`{3,}|~{3,})/.exec(fence.raw)![1]!;
  const lines = fence.raw.replace(/\n$/, '').split('\n');
  const isCloser = (text: string) => new RegExp(`^ {0,3}${opener[0]}{${opener.length},}\\s*$`).test(text);
  const problems = lines.length < 2 || !isCloser(lines.at(-1)!) ? [`line ${line}: the fence ${opener} is never closed`] : [];
  const nested = lines.slice(1, -1).findIndex((text) => new RegExp(`^ {0,3}${opener[0]}{${opener.length},}[^\\s${opener[0]}]`).test(text));
  return nested === -1 ? problems : [...problems, `line ${line + 1 + nested}: a fence opens inside the fence of line ${line}`];
}

// The targets of links and images, markdown or HTML.
function linksOf(page: string): string[] {
  const tokens = walk(lexer(read(page)));
  const markdown = tokens.filter((token): token is Tokens.Link | Tokens.Image => token.type === 'link' || token.type === 'image').map((token) => token.href);
  const html = tokens.filter((token) => token.type === 'html').flatMap((token) => [...token.raw.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((match) => match[1]!));
  return [...markdown, ...html].filter((href) => !/^[a-z][a-z+.-]*:/i.test(href));
}

function describeDeadLink(page: string, link: string): string | undefined {
  const [path, anchor] = link.split('#') as [string, string | undefined];
  const target = path === '' ? page : relative(ROOT, join(ROOT, dirname(page), decodeURIComponent(path)));
  if (!existsSync(join(ROOT, target))) return `${target} does not exist`;
  if (anchor === undefined || !target.endsWith('.md')) return undefined;
  return anchorsOf(target).has(decodeURIComponent(anchor)) ? undefined : `${target} has no heading or anchor "${anchor}"`;
}

// GitHub's anchors: a slug of each heading's text (numbered when repeated), and HTML ids and names.
function anchorsOf(page: string): Set<string> {
  const tokens = walk(lexer(read(page)));
  const slugger = new GithubSlugger();
  const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading').map((heading) => slugger.slug(plainText(heading.tokens)));
  const ids = tokens.filter((token) => token.type === 'html').flatMap((token) => [...token.raw.matchAll(/\b(?:id|name)="([^"]+)"/g)].map((match) => match[1]!));
  return new Set([...headings, ...ids]);
}

// The text GitHub slugs: inline markup and HTML tags dropped.
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'html') return '';
      const children = (token as { tokens?: Token[] }).tokens;
      return children ? plainText(children) : ((token as { text?: string }).text ?? '');
    })
    .join('');
}
