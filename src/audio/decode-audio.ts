import { spawn } from 'node:child_process';
import { previewBody } from '../http/preview-body.js';
import { type PcmAudio, readWav, WavFormatError } from '../pcm/read-wav.js';

/**
 * Thrown when a speech answer cannot be turned into samples. `sent` says what it was ("an HTML page …"),
 * `fix` what to do; `isAudio` tells sound that cannot be decoded here (kept, since it was paid for) from
 * something that is no sound at all (an error page, an empty body: nothing worth keeping).
 */
export class UnusableAudioError extends Error {
  override name = 'UnusableAudioError';
  constructor(
    readonly sent: string,
    readonly fix: string,
    readonly isAudio: boolean,
  ) {
    super(`${sent}; ${fix}`);
  }
}

/**
 * A chunk as PCM: WAV is read here; anything else a server sent instead (an MP3 from a server that
 * ignores `response_format`) is decoded by ffmpeg when it is installed.
 */
export async function decodeAudio(audio: Buffer, options: { ffmpeg?: string } = {}): Promise<PcmAudio> {
  if (audio.length === 0) throw new UnusableAudioError('an empty body instead of audio', SERVER_FIX, false);
  if (audio.toString('ascii', 0, 4) === 'RIFF') {
    try {
      return readWav(audio);
    } catch (error) {
      if (error instanceof WavFormatError) throw new UnusableAudioError(`a WAV file ${error.message}`, 'set the speech server to send 16-bit PCM WAV', true);
      throw error;
    }
  }
  const format = nameAudioFormat(audio);
  if (format === undefined && looksLikeText(audio)) throw new UnusableAudioError(`${describeText(audio)} instead of audio`, SERVER_FIX, false);
  return readWav(await runFfmpegToWav(audio, options.ffmpeg ?? 'ffmpeg', format ?? 'audio of a format not recognized here'));
}

// --- internal ---

const SERVER_FIX = "check SUMMARIZE_TTS_BASE_URL (the server's OpenAI-compatible /v1 address), SUMMARIZE_TTS_MODEL and the server's log";

function nameAudioFormat(audio: Buffer): string | undefined {
  const start = audio.toString('latin1', 0, 4);
  if (start.startsWith('ID3') || (audio[0] === 0xff && ((audio[1] ?? 0) & 0xe0) === 0xe0)) return 'MP3 audio';
  if (start === 'OggS') return 'Ogg audio';
  if (start === 'fLaC') return 'FLAC audio';
  return undefined;
}

// Printable text in its first bytes: an error page or a JSON message, not sound.
function looksLikeText(audio: Buffer): boolean {
  const start = audio.subarray(0, 256).toString('utf8');
  return !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(start);
}

function describeText(audio: Buffer): string {
  const text = audio.subarray(0, 2000).toString('utf8');
  const kind = /^\s*<(!doctype html|html|head|body)/i.test(text) ? 'an HTML page' : /^\s*[{[]/.test(text) ? 'JSON' : 'text';
  const preview = previewBody(text);
  return `${kind} (${JSON.stringify(preview.length > 80 ? `${preview.slice(0, 80)}…` : preview)})`;
}

function runFfmpegToWav(audio: Buffer, command: string, format: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-f', 'wav', '-acodec', 'pcm_s16le', '-ac', '1', 'pipe:1']);
    const output: Buffer[] = [];
    let errorText = '';
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errorText += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UnusableAudioError(`${format}, which needs ffmpeg to decode, and ffmpeg is not installed`, 'install ffmpeg (apt-get install ffmpeg) and run again, or set the server to send WAV', true)
          : error,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(output));
      else reject(new UnusableAudioError(`${format} that ffmpeg could not decode (${errorText.trim().split('\n')[0] || `exit ${code}`})`, 'set the speech server to send WAV', true));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(audio);
  });
}
