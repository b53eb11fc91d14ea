import { describe, expect, it } from 'vitest';
import { createSpeechEngine } from '../../src/audio/create-speech-engine.js';
import { loadConfig } from '../../src/config/load-config.js';

const choose = (env: Record<string, string>) => {
  const chosen = createSpeechEngine(loadConfig({ env }));
  return { label: chosen.engine.label, reason: chosen.reason };
};

describe('which engine speaks, and the line that says why', () => {
  it.each([
    [
      'SUMMARIZE_TTS_MODEL=espeak-ng, whatever else is set',
      { SUMMARIZE_TTS_MODEL: 'espeak-ng', SUMMARIZE_TTS_BASE_URL: 'http://127.0.0.1:8880/v1', OPENAI_API_KEY: 'sk-test-0123456789abcdef' },
      'eSpeak NG: SUMMARIZE_TTS_MODEL is espeak-ng',
    ],
    [
      'a speech server of its own',
      { SUMMARIZE_TTS_BASE_URL: 'http://127.0.0.1:8880/v1', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' },
      'the speech server http://127.0.0.1:8880/v1 (gpt-4o-mini-tts): SUMMARIZE_TTS_BASE_URL is set',
    ],
    ['an OpenAI key and OpenAI as the model', { OPENAI_API_KEY: 'sk-test-0123456789abcdef' }, "the speech server https://api.openai.com/v1 (gpt-4o-mini-tts): OPENAI_API_KEY is set and the model is OpenAI's, so OpenAI speaks"],
    [
      'a custom OPENAI_BASE_URL (a local LLM server), even with a key',
      { OPENAI_API_KEY: 'sk-test-0123456789abcdef', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' },
      'eSpeak NG: OPENAI_BASE_URL is not OpenAI and no SUMMARIZE_TTS_BASE_URL is set (a local LLM server has no speech endpoint)',
    ],
    ['neither a key nor a speech server', {}, 'eSpeak NG: no SUMMARIZE_TTS_BASE_URL and no OPENAI_API_KEY'],
  ])('%s', (_case, env, reason) => {
    expect(choose(env).reason).toBe(reason);
  });

  it('names a speech server without the login in its address', () => {
    expect(choose({ SUMMARIZE_TTS_BASE_URL: 'https://speaker:s3cret@tts.example.org/v1/' }).label).toBe('the speech server https://tts.example.org/v1');
  });
});
