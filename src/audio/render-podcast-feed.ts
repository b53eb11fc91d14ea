import { escapeHtml } from '../output/escape-html.js';
import type { EpisodeRecord } from './episode-record.js';

export interface PodcastFeedOptions {
  /** SUMMARIZE_PUBLIC_URL, without a trailing slash: every URL in the feed is absolute under it. */
  baseUrl: string;
  title: string;
  /** Relative to the output folder, e.g. `audio/cover.png`. */
  imagePath: string;
  /** `itunes:owner`'s address, where Apple sends the show's verification mail (SUMMARIZE_MAIL_FROM's); default: the name alone. */
  ownerEmail?: string | undefined;
}

/**
 * `podcast.xml`: RSS 2.0 with Apple's iTunes namespace and Podcasting 2.0's transcript and chapters, as podcast apps read it. Each episode's guid
 * is its date, not its URL, so moving the output folder never makes apps download every episode again.
 */
export function renderPodcastFeed(episodes: readonly EpisodeRecord[], options: PodcastFeedOptions): string {
  const { baseUrl, title } = options;
  const description = `Recent arXiv papers explained in a few minutes each: the idea, how it was tested, the results and their limits.`;
  const items = episodes.map((episode) => {
    const papers = episode.chapters.filter((chapter) => chapter.paperId).map((chapter) => chapter.title);
    const summary = `${papers.length} paper${papers.length === 1 ? '' : 's'}: ${papers.join('; ')}`;
    return [
      '    <item>',
      `      <title>${escapeHtml(episode.title)}</title>`,
      `      <link>${escapeHtml(`${baseUrl}/digests/${episode.date}.html`)}</link>`,
      `      <guid isPermaLink="false">arxiv-brief-episode-${episode.date}</guid>`,
      `      <pubDate>${new Date(`${episode.date}T12:00:00Z`).toUTCString()}</pubDate>`,
      `      <description>${escapeHtml(summary)}</description>`,
      `      <itunes:summary>${escapeHtml(summary)}</itunes:summary>`,
      `      <enclosure url="${escapeHtml(`${baseUrl}/${episode.mp3}`)}" length="${episode.bytes}" type="audio/mpeg"/>`,
      ...(episode.captions ? [`      <podcast:transcript url="${escapeHtml(`${baseUrl}/${episode.captions}`)}" type="text/vtt" rel="captions"/>`] : []),
      `      <podcast:transcript url="${escapeHtml(`${baseUrl}/${episode.transcript}`)}" type="text/plain"/>`,
      ...(episode.chaptersFile ? [`      <podcast:chapters url="${escapeHtml(`${baseUrl}/${episode.chaptersFile}`)}" type="application/json+chapters"/>`] : []),
      `      <itunes:duration>${formatDuration(episode.durationMs)}</itunes:duration>`,
      '      <itunes:explicit>false</itunes:explicit>',
      '      <itunes:episodeType>full</itunes:episodeType>',
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeHtml(title)}</title>`,
    `    <link>${escapeHtml(`${baseUrl}/index.html`)}</link>`,
    `    <atom:link href="${escapeHtml(`${baseUrl}/podcast.xml`)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${escapeHtml(description)}</description>`,
    `    <language>${escapeHtml(episodes[0]?.language ?? 'en')}</language>`,
    `    <itunes:author>${escapeHtml(title)}</itunes:author>`,
    `    <itunes:owner><itunes:name>${escapeHtml(title)}</itunes:name>${options.ownerEmail ? `<itunes:email>${escapeHtml(options.ownerEmail)}</itunes:email>` : ''}</itunes:owner>`,
    `    <itunes:summary>${escapeHtml(description)}</itunes:summary>`,
    `    <itunes:image href="${escapeHtml(`${baseUrl}/${options.imagePath}`)}"/>`,
    '    <itunes:category text="Science"/>',
    '    <itunes:explicit>false</itunes:explicit>',
    '    <itunes:type>episodic</itunes:type>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

// --- internal ---

function formatDuration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}
