import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { renderStyleMarkdown } from './render-style-markdown.js';
import { type StyleResult, StyleResultSchema } from '../brief/style-result-schema.js';
import type { ProseStyleName } from '../brief/style-names.js';

/** `papers/<id>v<version>.<style>.json|.md`, with `.<language>` before the extension unless English. */
export function getStylePaths(outputDir: string, paper: Pick<PaperMetadata, 'id' | 'version'>, style: ProseStyleName, language: string) {
  const suffix = language === 'en' ? '' : `.${language}`;
  const stem = join(outputDir, 'papers', `${toFileStem(paper.id, paper.version)}.${style}${suffix}`);
  return { json: `${stem}.json`, markdown: `${stem}.md` };
}

/** The stored text of this paper version in this style and language, or null when there is none (or it no longer validates). */
export async function readStoredStyle(outputDir: string, paper: Pick<PaperMetadata, 'id' | 'version'>, style: ProseStyleName, language: string): Promise<StyleResult | null> {
  try {
    const parsed = StyleResultSchema.safeParse(JSON.parse(await readFile(getStylePaths(outputDir, paper, style, language).json, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// The JSON is written last: its presence marks the style done for resumed runs.
export async function writeStyleResult(outputDir: string, result: StyleResult): Promise<void> {
  const paths = getStylePaths(outputDir, result.paper, result.style, result.language);
  await writeFileAtomic(paths.markdown, renderStyleMarkdown(result));
  await writeFileAtomic(paths.json, `${JSON.stringify(result, null, 2)}\n`);
}
