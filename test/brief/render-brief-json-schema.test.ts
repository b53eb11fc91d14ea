import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBriefJsonSchema } from '../../src/brief/render-brief-json-schema.js';

describe('schema/brief.schema.json', () => {
  it('is the JSON Schema of the zod schema as it is now (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL('../../schema/brief.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderBriefJsonSchema());
  });

  it('requires the parts a newsletter consumer relies on', () => {
    const schema = JSON.parse(renderBriefJsonSchema());
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'paper', 'summary', 'critique', 'quiz', 'flowchart', 'checks', 'generation']));
    expect(schema.properties.quiz).toMatchObject({ minItems: 3, maxItems: 3 });
  });
});
