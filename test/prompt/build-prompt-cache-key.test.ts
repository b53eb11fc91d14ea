import { describe, expect, it } from 'vitest';
import { buildPromptCacheKey } from '../../src/prompt/build-prompt-cache-key.js';

const paper = { id: 'hep-th/9108004', version: 1 };

describe('buildPromptCacheKey', () => {
  it('auto: a key for OpenAI\'s own endpoint (the default base URL too), none for another server', () => {
    expect(buildPromptCacheKey(paper, { promptCacheKey: 'auto', openaiBaseUrl: undefined })).toBe('arxiv-brief-hep-th_9108004v1');
    expect(buildPromptCacheKey(paper, { promptCacheKey: 'auto', openaiBaseUrl: 'https://api.openai.com/v1' })).toBe('arxiv-brief-hep-th_9108004v1');
    expect(buildPromptCacheKey(paper, { promptCacheKey: 'auto', openaiBaseUrl: 'http://localhost:11434/v1' })).toBeUndefined();
  });

  it('on: a key for any server; off: none, even for OpenAI', () => {
    expect(buildPromptCacheKey(paper, { promptCacheKey: 'on', openaiBaseUrl: 'http://localhost:8000/v1' })).toBe('arxiv-brief-hep-th_9108004v1');
    expect(buildPromptCacheKey(paper, { promptCacheKey: 'off', openaiBaseUrl: undefined })).toBeUndefined();
  });
});
