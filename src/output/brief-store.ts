import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileStem, toFileStem } from '../arxiv/to-file-stem.js';
import { type Brief, BriefSchema } from '../brief/brief-schema.js';
import { formatZodIssues } from '../llm/format-zod-issues.js';
import { renderFlowchartPng } from './flowchart/render-flowchart-png.js';
import { renderFlowchartSvg } from './flowchart/render-flowchart-svg.js';
import { renderBriefMarkdown } from './render-brief-markdown.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface BriefPaths {
  json: string;
  markdown: string;
  /** The method flowchart as images, for newsletter tools and mail clients that show no SVG. */
  flowchartSvg: string;
  flowchartPng: string;
}

/** The file name of a brief's files without extension: `2509.08721v2`, `2509.08721v2.zh`; an old-style ID's `/` becomes `_`. */
export function getBriefFileStem(id: string, version: number, language = 'en'): string {
  return `${toFileStem(id, version)}${language === 'en' ? '' : `.${language}`}`;
}

/**
 * A brief's JSON or its page by file name (`getBriefFileStem` and `.json` or `.html`): `2509.08721v2.json`,
 * `hep-th_9108004v1.zh.html`; undefined for a paper's other files (styles `.blurb.json`, flowcharts) and the rest.
 */
export function parseBriefFileName(fileName: string): { paperStem: string; version: number; language: string; extension: 'json' | 'html' } | undefined {
  const stem = readFileStem(fileName);
  const match = stem && BRIEF_FILE_REST.exec(stem.rest);
  if (!stem || !match) return undefined;
  return { paperStem: stem.paperStem, version: stem.version, language: match[1] ?? 'en', extension: match[2] as 'json' | 'html' };
}

/** `papers/<id>v<version>.json|.md` under the output folder (`.<language>.json` unless English). */
export function getBriefPaths(outputDir: string, id: string, version: number, language = 'en'): BriefPaths {
  const stem = join(outputDir, 'papers', getBriefFileStem(id, version, language));
  return { json: `${stem}.json`, markdown: `${stem}.md`, flowchartSvg: `${stem}.flowchart.svg`, flowchartPng: `${stem}.flowchart.png` };
}

/** The stored brief of this exact version, or null when there is none (or it no longer validates). */
export async function readStoredBrief(outputDir: string, id: string, version: number, language = 'en'): Promise<Brief | null> {
  const stored = await inspectStoredBrief(outputDir, id, version, language);
  return stored.state === 'stored' ? stored.brief : null;
}

/** A stored brief as read: whole and valid, missing, or damaged with what is wrong (`problem`, one line). */
export type StoredBriefState = { state: 'stored'; brief: Brief } | { state: 'missing' } | { state: 'damaged'; problem: string };

// Tells a brief never written from one cut short or no longer valid, which a caller must not drop silently.
export async function inspectStoredBrief(outputDir: string, id: string, version: number, language = 'en'): Promise<StoredBriefState> {
  let text: string;
  try {
    text = await readFile(getBriefPaths(outputDir, id, version, language).json, 'utf8');
  } catch {
    return { state: 'missing' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'damaged', problem: 'is cut short (not whole JSON)' };
  }
  const parsed = BriefSchema.safeParse(json);
  if (parsed.success) return { state: 'stored', brief: parsed.data };
  return { state: 'damaged', problem: `does not match the brief's schema (${formatZodIssues(parsed.error.issues).slice(0, 2).join('; ')})` };
}

/** Made with the same model and prompts: paying again would buy the same brief. */
export function isBriefReusable(brief: Pick<Brief, 'generation'>, wanted: { model: string; promptVersion: string }): boolean {
  return brief.generation.model === wanted.model && brief.generation.promptVersion === wanted.promptVersion;
}

// The JSON is written last: its presence marks the paper done for resumed runs.
export async function writeBrief(outputDir: string, brief: Brief): Promise<BriefPaths> {
  const paths = getBriefPaths(outputDir, brief.paper.id, brief.paper.version, brief.generation.language);
  await writeFileAtomic(paths.flowchartSvg, renderFlowchartSvg(brief.flowchart));
  await writeFileAtomic(paths.flowchartPng, renderFlowchartPng(brief.flowchart));
  await writeFileAtomic(paths.markdown, renderBriefMarkdown(brief));
  await writeFileAtomic(paths.json, `${JSON.stringify(brief, null, 2)}\n`);
  return paths;
}


// --- internal ---

// After the stem: `.json`, `.html`, `.zh.json`, `.pt-BR.html` (a language tag, as getBriefFileStem writes it).
const BRIEF_FILE_REST = /^(?:\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.(json|html)$/;
