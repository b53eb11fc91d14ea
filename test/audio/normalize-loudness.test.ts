import { describe, expect, it } from 'vitest';
import { measureRmsDbfs, normalizeLoudness } from '../../src/audio/normalize-loudness.js';

const tone = (amplitude: number, length = 24_000) => Int16Array.from({ length }, (_, index) => Math.round(amplitude * Math.sin(index / 10)));

describe('normalizeLoudness', () => {
  it('brings a quiet chunk and a loud chunk to the same level, so the voice does not jump between them', () => {
    const quiet = normalizeLoudness(tone(400));
    const loud = normalizeLoudness(tone(20_000));
    expect(Math.abs(measureRmsDbfs(quiet) - measureRmsDbfs(loud))).toBeLessThan(0.5);
    expect(measureRmsDbfs(quiet)).toBeCloseTo(-20, 0);
  });

  it('never clips: a chunk with a lone loud peak is raised only as far as its peak allows', () => {
    const samples = tone(200);
    samples[100] = 30_000;
    const normalized = normalizeLoudness(samples);
    expect(Math.max(...normalized.map(Math.abs))).toBeLessThanOrEqual(0.95 * 32767 + 1);
  });

  it('leaves silence silent', () => {
    expect(normalizeLoudness(new Int16Array(100))).toEqual(new Int16Array(100));
  });
});
