import { execFileSync } from 'node:child_process';

/** What ffprobe reads from an audio file: the test's independent check of duration, format and chapters. */
export interface ProbedAudio {
  durationSeconds: number;
  codec: string;
  sampleRate: number;
  channels: number;
  bitRate: number;
  tags: Record<string, string>;
  chapters: Array<{ title: string; startSeconds: number; endSeconds: number }>;
}

export function probeAudio(path: string): ProbedAudio {
  const output = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', path]).toString());
  const stream = output.streams[0];
  return {
    durationSeconds: Number(output.format.duration),
    codec: stream.codec_name,
    sampleRate: Number(stream.sample_rate),
    channels: stream.channels,
    bitRate: Number(stream.bit_rate),
    tags: output.format.tags ?? {},
    chapters: (output.chapters ?? []).map((chapter: { tags?: { title?: string }; start_time: string; end_time: string }) => ({
      title: chapter.tags?.title ?? '',
      startSeconds: Number(chapter.start_time),
      endSeconds: Number(chapter.end_time),
    })),
  };
}

export const hasFfprobe = (() => {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
