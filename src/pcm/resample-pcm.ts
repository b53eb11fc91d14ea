import type { PcmAudio } from './read-wav.js';

/** Linear resampling: engines answer at 22.05 kHz (eSpeak NG) or 24 kHz (OpenAI), the episode is one rate. */
export function resamplePcm(audio: PcmAudio, sampleRate: number): PcmAudio {
  if (audio.sampleRate === sampleRate) return audio;
  const ratio = audio.sampleRate / sampleRate;
  const length = Math.floor(audio.samples.length / ratio);
  const samples = new Int16Array(length);
  for (let index = 0; index < length; index++) {
    const position = index * ratio;
    const left = Math.floor(position);
    const right = Math.min(left + 1, audio.samples.length - 1);
    const fraction = position - left;
    samples[index] = Math.round(audio.samples[left]! * (1 - fraction) + audio.samples[right]! * fraction);
  }
  return { sampleRate, samples };
}
