/** The User-Agent arXiv sees: names the tool and where to reach its authors, as arXiv's API terms ask. */
export function buildUserAgent(version: string): string {
  return `arxiv-brief/${version} (+https://github.com/arxiv-brief/arxiv-brief)`;
}
