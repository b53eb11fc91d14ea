import type { LoudnessPlan } from './plan-episode-loudness.js';
import type { PcmAudio } from './read-wav.js';

/** The second pass: the same pieces, in the same order, with the plan's gains applied sample by sample. */
export async function* applyLoudnessPlan(plan: LoudnessPlan, pieces: AsyncIterable<PcmAudio>): AsyncGenerator<PcmAudio> {
  let position = 0;
  let piece = 0;
  for await (const audio of pieces) {
    const pieceGain = plan.pieceGains[piece] ?? 1;
    piece += 1;
    const samples = new Int16Array(audio.samples.length);
    for (let index = 0; index < samples.length; index++) {
      samples[index] = Math.max(-32768, Math.min(32767, Math.round(audio.samples[index]! * pieceGain * plan.gainAt(position + index))));
    }
    position += samples.length;
    yield { sampleRate: audio.sampleRate, samples };
  }
}
