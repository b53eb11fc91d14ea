import { z } from 'zod';
import { BriefSchema } from './brief-schema.js';

/** The brief's JSON Schema for the newsletter's consumers, derived from the zod schema. */
export function renderBriefJsonSchema(): string {
  const schema = z.toJSONSchema(BriefSchema, { target: 'draft-2020-12', io: 'output' });
  const document = {
    ...schema,
    $id: 'https://github.com/arxiv-brief/arxiv-brief/schema/brief.schema.json',
    title: 'arxiv-brief paper brief',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
