import { spawn } from 'node:child_process';
import { ConfigError } from '../errors/brief-error.js';
import { SpeechError } from './speech-error.js';
import type { SpeechEngine } from './speech-engine.js';

export interface EspeakEngineOptions {
  /** Default: `espeak-ng`, looked up on the PATH. */
  command?: string;
  /** Words per minute; eSpeak NG's default of 175 is brisk for explanations. */
  wordsPerMinute?: number;
}

/** Local speech that needs no account: eSpeak NG writing a WAV to stdout. */
export function createEspeakEngine(options: EspeakEngineOptions = {}): SpeechEngine {
  const { command = 'espeak-ng', wordsPerMinute = 160 } = options;
  return {
    name: 'espeak-ng',
    label: 'eSpeak NG',
    usdPerMillionCharacters: 0,
    async assertAvailable() {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(command, ['--version'], { stdio: 'ignore' });
        child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? notInstalled(command) : error));
        child.on('close', () => resolve());
      });
    },
    synthesize(text, voice, signal) {
      return new Promise((resolve, reject) => {
        // The text goes through stdin, so nothing in it can be read as an option.
        const child = spawn(command, ['--stdout', '-s', String(wordsPerMinute), '-v', voice], { signal, stdio: ['pipe', 'pipe', 'pipe'] });
        const output: Buffer[] = [];
        let errorText = '';
        child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => (errorText += chunk.toString()));
        child.on('error', (error: NodeJS.ErrnoException) => {
          reject(error.code === 'ENOENT' ? notInstalled(command) : error);
        });
        child.on('close', (code) => {
          if (code === 0) resolve(Buffer.concat(output));
          else reject(new SpeechError(`eSpeak NG failed (${command} exited with ${code}): ${errorText.trim().split('\n')[0] || 'no message'}`));
        });
        child.stdin.end(text);
      });
    },
  };
}

// --- internal ---

function notInstalled(command: string): ConfigError {
  return new ConfigError([`${command} not found: install eSpeak NG (Debian/Ubuntu: apt-get install espeak-ng) or set SUMMARIZE_TTS_BASE_URL to a speech endpoint`]);
}
