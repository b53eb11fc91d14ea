import { getMessages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';

export interface PageOptions {
  title: string;
  /** From the page to the output folder: `''` for index.html, `'../'` for pages in digests/ and papers/. */
  root: '' | '../';
  /** Trusted HTML: every text from a paper or the model in it is already escaped. */
  body: string;
  /** One or two sentences for search results and link previews (meta description, Open Graph). */
  description?: string;
  /** Scripts under the output folder, loaded with `<script src>` so the page also works from `file://`. */
  scripts?: string[];
  /** An absolute http(s) URL under SUMMARIZE_PUBLIC_URL for link previews (Open Graph); absent: none (a relative one is no use to a preview). */
  image?: string | undefined;
  /** BCP 47 tag of the page's text: `<html lang>` and the frame's words (src/language/messages.ts). Default: English. */
  language?: string | undefined;
  /** `podcast.xml` exists: the head names it, so a podcast app given the page finds the show. Default: false. */
  podcastFeed?: boolean;
}

// The frame every archive page shares: the stylesheet, the site links, the machine-generated notice.
export function renderPage({ title, root, body, description, scripts = [], image, language = 'en', podcastFeed = false }: PageOptions): string {
  const messages = getMessages(language);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    // What a search result or a chat's link preview shows of the page.
    ...(description === undefined ? [] : [`<meta name="description" content="${escapeHtml(description)}">`, `<meta property="og:description" content="${escapeHtml(description)}">`]),
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    '<meta property="og:type" content="article">',
    '<meta property="og:site_name" content="arXiv Brief">',
    ...(image === undefined ? [] : [`<meta property="og:image" content="${escapeHtml(image)}">`]),
    `<link rel="stylesheet" href="${root}assets/archive.css">`,
    // Without an icon, browsers ask a web host for /favicon.ico and log its 404 on every page.
    `<link rel="icon" type="image/svg+xml" href="${root}assets/favicon.svg">`,
    `<link rel="alternate" type="application/atom+xml" title="arXiv Brief (Atom)" href="${root}feed.xml">`,
    `<link rel="alternate" type="application/rss+xml" title="arXiv Brief (RSS)" href="${root}rss.xml">`,
    ...(podcastFeed ? [`<link rel="alternate" type="application/rss+xml" title="arXiv Brief (podcast)" href="${root}podcast.xml">`] : []),
    '</head>',
    '<body>',
    `<nav class="site"><a href="${root}index.html">${escapeHtml(messages.allEditionsAndSearch)}</a><a href="${root}feed.xml">Atom</a><a href="${root}rss.xml">RSS</a><a href="${root}feed.json">JSON Feed</a></nav>`,
    '<main>',
    body,
    '</main>',
    `<footer>${escapeHtml(messages.siteFooter)}</footer>`,
    ...scripts.map((script) => `<script src="${root}${script}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
