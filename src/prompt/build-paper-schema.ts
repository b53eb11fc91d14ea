import { zodResponseFormat } from 'openai/helpers/zod';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import { z } from 'zod';
import { BriefContentSchema } from '../brief/brief-schema.js';
import type { StyleName } from '../brief/style-names.js';
import { buildPodcastScriptSchema } from '../styles/podcast-script-schema.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import type { AvailableFigure } from '../styles/style-definition.js';

/** Names the one schema of a paper's calls; each call's instructions name the field it fills. */
export const PAPER_SCHEMA_NAME = 'paper_texts';

/**
 * One JSON schema for every call of a paper, a nullable field per style: the server reads the schema before
 * the prompt, so only calls sending the same schema share the paper from its cache. Null for one style alone,
 * whose own schema is smaller.
 */
export function buildPaperSchema(styles: readonly StyleName[], input: { figures: readonly AvailableFigure[]; hosts: readonly string[] }): ResponseFormatJSONSchema.JSONSchema | null {
  if (styles.length < 2) return null;
  const fields = Object.fromEntries(styles.map((style) => [style, buildStyleSchema(style, input).nullable()]));
  return zodResponseFormat(z.object(fields), PAPER_SCHEMA_NAME).json_schema;
}

// --- internal ---

function buildStyleSchema(style: StyleName, input: { figures: readonly AvailableFigure[]; hosts: readonly string[] }): z.ZodType {
  if (style === 'brief') return BriefContentSchema;
  if (style === 'podcast') return buildPodcastScriptSchema(input.hosts);
  return PROSE_STYLES[style].buildSchema({ figures: [...input.figures] });
}
