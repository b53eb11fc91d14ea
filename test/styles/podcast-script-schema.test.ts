import { describe, expect, it } from 'vitest';
import { zodResponseFormat } from 'openai/helpers/zod';
import { buildPodcastScriptSchema } from '../../src/styles/podcast-script-schema.js';
import { makePodcastSegment } from '../helpers/brief-responder.js';

const schema = buildPodcastScriptSchema(['Ada', 'Bo']);
const problems = (value: unknown) => (schema.safeParse(value).error?.issues ?? []).map((issue) => issue.message);

describe('the podcast style schema', () => {
  it('accepts a segment of 600 to 1,000 spoken words in which both hosts speak', () => {
    expect(problems(makePodcastSegment(['Ada', 'Bo']))).toEqual([]);
  });

  it.each([
    ['a URL', 'See https://example.org for the code.', 'contains a URL'],
    ['SSML', 'Let us <break time="1s"/> begin.', 'contains markup or SSML'],
    ['a stage direction', 'That is wild (laughs) indeed.', 'contains a stage direction'],
    ['markdown', 'This is **very** important.', 'contains brackets or markdown symbols'],
    ['an emoji', 'Great results 🎉 today.', 'contains an emoji'],
  ])('rejects a turn with %s, naming what to fix', (_name, text, problem) => {
    const segment = makePodcastSegment(['Ada', 'Bo']);
    segment.turns[3] = { speaker: 'Ada', text };
    expect(problems(segment).join('\n')).toContain(problem);
  });

  it('rejects a speaker who is not a host, a segment too short, and a guest who never speaks', () => {
    expect(problems({ turns: [{ speaker: 'Carol', text: 'Hello.' }, ...makePodcastSegment(['Ada', 'Bo']).turns] })).toContain('speaker must be one of: Ada, Bo');
    expect(problems({ turns: makePodcastSegment(['Ada', 'Bo']).turns.slice(0, 8) }).join('\n')).toMatch(/the text has \d+ words; write between 600 and 1000/);
    expect(problems(makePodcastSegment(['Ada']))).toContain('every host speaks: Ada, Bo');
  });
});

describe('the podcast style schema sent to the model', () => {
  it('names the hosts as the only speakers, so strict structured output cannot pick anyone else', () => {
    const { json_schema: jsonSchema } = zodResponseFormat(schema, 'podcast_segment');
    const turns = (jsonSchema.schema as { properties: { turns: { items: { properties: { speaker: unknown } } } } }).properties.turns;
    expect(turns.items.properties.speaker).toEqual({ type: 'string', enum: ['Ada', 'Bo'] });
  });
});
