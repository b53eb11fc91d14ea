import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type PodcastScript, PodcastScriptSchema } from './podcast-script.js';
import { renderPodcastScriptMarkdown } from './render-podcast-script-markdown.js';

/** `papers/<stem>.podcast.json`, with `.<language>` before the extension unless English. */
export function getPodcastScriptPath(outputDir: string, id: string, version: number, language = 'en'): string {
  return join(outputDir, 'papers', `${toFileStem(id, version)}.podcast${language === 'en' ? '' : `.${language}`}.json`);
}

/** The stored segment, or null when there is none or it no longer validates (it is then written anew). */
export async function readPodcastScript(outputDir: string, id: string, version: number, language = 'en'): Promise<PodcastScript | null> {
  try {
    const parsed = PodcastScriptSchema.safeParse(JSON.parse(await readFile(getPodcastScriptPath(outputDir, id, version, language), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A stored segment is reused when the same model, prompt and hosts would write it. */
export function isPodcastScriptReusable(script: PodcastScript, wanted: { model: string; promptVersion: string; hosts: readonly string[] }): boolean {
  return script.generation.model === wanted.model && script.generation.promptVersion === wanted.promptVersion && script.hosts.join('\n') === wanted.hosts.join('\n');
}

/** The segment as JSON (the stored result) and as markdown beside it, for people. */
export async function writePodcastScript(outputDir: string, script: PodcastScript): Promise<string> {
  const path = getPodcastScriptPath(outputDir, script.paperId, script.version, script.language);
  await writeFileAtomic(path.replace(/\.json$/, '.md'), renderPodcastScriptMarkdown(script));
  await writeFileAtomic(path, `${JSON.stringify(script, null, 2)}\n`);
  return path;
}
