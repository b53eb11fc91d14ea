import { spawn } from 'node:child_process';
import { type PcmAudio, readWav } from './read-wav.js';

/**
 * A chunk as PCM: WAV is read here; anything else a server sent instead (an MP3 from a server that
 * ignores `response_format`) is decoded by ffmpeg when it is installed.
 */
export async function decodeAudio(audio: Buffer, options: { ffmpeg?: string } = {}): Promise<PcmAudio> {
  if (audio.toString('ascii', 0, 4) === 'RIFF') return readWav(audio);
  if (!looksLikeMp3(audio)) throw new Error(`the speech endpoint answered with neither WAV nor MP3 audio (${describeStart(audio)})`);
  return readWav(await runFfmpegToWav(audio, options.ffmpeg ?? 'ffmpeg'));
}

// --- internal ---

function looksLikeMp3(audio: Buffer): boolean {
  return audio.toString('ascii', 0, 3) === 'ID3' || (audio[0] === 0xff && ((audio[1] ?? 0) & 0xe0) === 0xe0);
}

function describeStart(audio: Buffer): string {
  const preview = audio.subarray(0, 40).toString('utf8').replace(/\s+/g, ' ').trim();
  return preview ? `starts with ${JSON.stringify(preview)}` : 'empty';
}

function runFfmpegToWav(audio: Buffer, command: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-f', 'wav', '-acodec', 'pcm_s16le', '-ac', '1', 'pipe:1']);
    const output: Buffer[] = [];
    let errorText = '';
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errorText += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('the speech endpoint answered with MP3; install ffmpeg (apt-get install ffmpeg) to decode it, or use a server that returns WAV') : error),
    );
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(output)) : reject(new Error(`ffmpeg could not decode the speech endpoint's MP3: ${errorText.trim()}`))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(audio);
  });
}
