import { spawnSync } from 'node:child_process';

/** What ffmpeg's ebur128 filter (BS.1770, as podcast apps measure) reads from an audio file: the test's independent measure. */
export function measureLoudness(path: string): { integratedLufs: number; truePeakDbtp: number } {
  const run = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', path, '-filter_complex', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' });
  // The summary comes last on stderr: "I: -16.0 LUFS" under Integrated loudness, "Peak: -1.6 dBFS" under True peak.
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'));
  const integrated = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1];
  const peak = /Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1];
  if (run.status !== 0 || integrated === undefined || peak === undefined) throw new Error(`ffmpeg ebur128 could not measure ${path}: ${run.stderr.slice(-500)}`);
  return { integratedLufs: Number(integrated === '-inf' ? -Infinity : integrated), truePeakDbtp: Number(peak === '-inf' ? -Infinity : peak) };
}
