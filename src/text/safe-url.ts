/** The hosts an edition may link to for a paper. */
export const ARXIV_HOSTS: readonly string[] = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'];

export interface SafeUrlOptions {
  /** Accept a relative reference such as `2025-01-31.md` (our own files). Default: false. */
  allowRelative?: boolean;
}

// A link lands in the page only if it is https to an allowed host ('any' for links from our own config); else null.
export function safeUrl(url: string, allowedHosts: readonly string[] | 'any', options: SafeUrlOptions = {}): string | null {
  const trimmed = url.trim();
  if (trimmed === '' || /[\u0000-\u0020\u007F]/.test(trimmed)) return null;
  if (options.allowRelative === true && isRelativeReference(trimmed)) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  if (allowedHosts !== 'any' && !allowedHosts.includes(parsed.hostname.toLowerCase())) return null;
  return parsed.href;
}

// --- internal ---

// No scheme and not protocol-relative: resolves against the page itself.
function isRelativeReference(url: string): boolean {
  return !url.startsWith('//') && !url.startsWith('\\') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url.split(/[/?#]/)[0] ?? '');
}
