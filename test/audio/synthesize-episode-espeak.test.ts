import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEspeakEngine } from '../../src/audio/create-espeak-engine.js';
import { createSpeechEngine } from '../../src/audio/create-speech-engine.js';
import { loadConfig } from '../../src/config/load-config.js';
import { LANGUAGE_CODES } from '../../src/language/messages.js';
import { createSpeechChunkCache } from '../../src/audio/speech-chunk-cache.js';
import { synthesizeEpisode } from '../../src/audio/synthesize-episode.js';
import { hasEspeak } from '../helpers/has-espeak.js';
import { hasFfprobe, probeAudio } from '../helpers/probe-audio.js';

describe.skipIf(!hasEspeak || !hasFfprobe)('an episode spoken by eSpeak NG', () => {
  it('writes a mono 24 kHz MP3 whose chapters start where the segments do, with its transcript', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'episode-'));
    const script = {
      title: 'arXiv Brief: 2025-09-11',
      date: '2025-09-11',
      author: 'arXiv Brief',
      segments: [
        { title: 'Welcome', turns: [{ speaker: 'Host', text: 'Hello and welcome. Today we look at two papers.' }] },
        { title: 'Sparse attention', paperId: '2509.08721', turns: [{ speaker: 'Host', text: 'The first paper makes attention sparse. It runs 2.4 times faster on long inputs.' }] },
        { title: 'Goodbye', turns: [{ speaker: 'Host', text: 'That is all for today. Thank you for listening.' }] },
      ],
    };
    const result = await synthesizeEpisode(script, {
      engine: createEspeakEngine(),
      voices: { Host: 'en' },
      cache: createSpeechChunkCache(join(folder, 'cache')),
      mp3Path: join(folder, 'episode.mp3'),
      transcriptPath: join(folder, 'episode.txt'),
    });

    const probed = probeAudio(join(folder, 'episode.mp3'));
    expect(probed).toMatchObject({ codec: 'mp3', sampleRate: 24_000, channels: 1 });
    expect(probed.durationSeconds).toBeGreaterThan(5);
    expect(Math.abs(probed.durationSeconds * 1000 - result.durationMs) / result.durationMs).toBeLessThan(0.05);
    expect(probed.tags.title).toBe('arXiv Brief: 2025-09-11');
    expect(probed.chapters.map((chapter) => chapter.title)).toEqual(['Welcome', 'Sparse attention', 'Goodbye']);
    for (const [index, chapter] of probed.chapters.entries()) {
      expect(chapter.startSeconds).toBeCloseTo(result.chapters[index]!.startMs / 1000, 1);
    }
    expect((await stat(join(folder, 'episode.mp3'))).size).toBe(result.bytes);
    expect(await readFile(join(folder, 'episode.txt'), 'utf8')).toContain('Host: The first paper makes attention sparse.');
    expect(result).toMatchObject({ chunksPaid: 3, costUsd: 0 });
  });

  it('speaks each language of the message table with eSpeak NG voices it has installed, one per host', () => {
    const installed = new Set(execFileSync('espeak-ng', ['--voices']).toString().split('\n').slice(1).map((line) => line.trim().split(/\s+/)[1]));
    const config = loadConfig({ env: { SUMMARIZE_TTS_MODEL: 'espeak-ng', SUMMARIZE_PODCAST_HOSTS: 'Ada,Bo' } });
    for (const language of LANGUAGE_CODES) {
      const { engine, voices } = createSpeechEngine(config, { language });
      expect(engine.name).toMatch(/espeak/i);
      expect(Object.keys(voices)).toEqual(['Ada', 'Bo']);
      for (const voice of Object.values(voices)) expect(installed, `${language}: ${voice}`).toContain(voice);
    }
    expect(createSpeechEngine(config, { language: 'zh' }).voices.Ada).toBe('cmn');
  });
});
