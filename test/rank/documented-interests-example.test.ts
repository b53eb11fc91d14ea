import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterests } from '../../src/rank/parse-interests.js';

const CHOOSING_PAPERS = readFileSync(new URL('../../docs/choosing-papers.md', import.meta.url), 'utf8');

describe("docs/choosing-papers.md's interests example", () => {
  it('means what it says when copied as shown', () => {
    const example = /## Interests[\s\S]*?```text\n([\s\S]*?)```/.exec(CHOOSING_PAPERS)?.[1];
    expect(example).toBeDefined();
    const interests = parseInterests(example!);
    expect(interests.topics).toEqual(['retrieval over very long documents', 'long context language models']);
    expect(interests.boosts).toEqual(['benchmark']);
    expect(interests.excludes).toEqual(['robot']);
    expect(interests.examples.map((id) => id.id)).toEqual(['2509.08721']);
  });
});
