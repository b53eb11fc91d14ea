/** Mono 16-bit samples and their rate: what every chunk is turned into before encoding. */
export interface PcmAudio {
  sampleRate: number;
  samples: Int16Array;
}

/** Thrown when a WAV file cannot be read; the message completes "a WAV file …" (`whose header says 0 Hz`). */
export class WavFormatError extends Error {
  override name = 'WavFormatError';
}

/**
 * Reads a RIFF/WAVE file of 16-bit PCM (or 32-bit float) samples, mixing channels down to mono.
 * Streamed WAVs (espeak-ng --stdout, many TTS servers) carry 0 or 0xFFFFFFFF as the data size: the data then runs to the end.
 */
export function readWav(buffer: Buffer): PcmAudio {
  if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavFormatError(`with a damaged header (starts with ${JSON.stringify(buffer.subarray(0, 16).toString('latin1'))})`);
  }
  let offset = 12;
  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | undefined;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = {
        audioFormat: buffer.readUInt16LE(body),
        channels: buffer.readUInt16LE(body + 2),
        sampleRate: buffer.readUInt32LE(body + 4),
        bitsPerSample: buffer.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('with its data before its format chunk');
      if (format.sampleRate < MIN_SAMPLE_RATE || format.sampleRate > MAX_SAMPLE_RATE) throw new WavFormatError(`whose header says ${format.sampleRate} Hz`);
      if (format.channels === 0) throw new WavFormatError('whose header says 0 channels');
      const end = size === 0 || size === 0xffffffff || body + size > buffer.length ? buffer.length : body + size;
      return { sampleRate: format.sampleRate, samples: toMonoInt16(buffer.subarray(body, end), format) };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError('without a data chunk');
}

// --- internal ---

// Telephone speech to studio masters: anything outside is a broken header, not a rate.
const MIN_SAMPLE_RATE = 8000;
const MAX_SAMPLE_RATE = 384_000;
const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

function toMonoInt16(data: Buffer, format: { audioFormat: number; channels: number; bitsPerSample: number }): Int16Array {
  const { channels, bitsPerSample } = format;
  const isFloat = format.audioFormat === IEEE_FLOAT || (format.audioFormat === EXTENSIBLE && bitsPerSample === 32);
  if (!(format.audioFormat === PCM || format.audioFormat === EXTENSIBLE || isFloat) || !(bitsPerSample === 16 || (isFloat && bitsPerSample === 32))) {
    const encoding = format.audioFormat === PCM || format.audioFormat === EXTENSIBLE ? `${bitsPerSample}-bit PCM` : `encoding ${format.audioFormat}, ${bitsPerSample} bits`;
    throw new WavFormatError(`of ${encoding} samples, where 16-bit PCM or 32-bit float is read`);
  }
  const bytesPerSample = bitsPerSample / 8;
  const frames = Math.floor(data.length / (bytesPerSample * channels));
  const samples = new Int16Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0;
    for (let channel = 0; channel < channels; channel++) {
      const at = (frame * channels + channel) * bytesPerSample;
      sum += isFloat ? data.readFloatLE(at) * 32767 : data.readInt16LE(at);
    }
    samples[frame] = Math.max(-32768, Math.min(32767, Math.round(sum / channels)));
  }
  return samples;
}
