import { escapeMarkdownInline } from '../output/escape-markdown.js';
import type { PodcastScript } from './podcast-script.js';

/** `papers/<id>v<n>.podcast.md`: the segment as a script a person reads, speaker by speaker. */
export function renderPodcastScriptMarkdown(script: PodcastScript): string {
  const lines = [`# ${escapeMarkdownInline(script.title)}: podcast segment`, ''];
  for (const turn of script.turns) lines.push(`**${escapeMarkdownInline(turn.speaker)}:** ${escapeMarkdownInline(turn.text)}`, '');
  if (script.checks.warnings.length > 0) lines.push('## Checks', '', ...script.checks.warnings.map((warning) => `- ${escapeMarkdownInline(warning)}`), '');
  lines.push(`_Written by ${escapeMarkdownInline(script.generation.model)} on ${script.generation.generatedAt.slice(0, 10)}, prompt ${script.generation.promptVersion}._`, '');
  return lines.join('\n');
}
