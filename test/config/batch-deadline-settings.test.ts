import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveDeadline } from '../../src/batch/resolve-deadline.js';
import { loadConfig } from '../../src/config/load-config.js';

const noFile = join(tmpdir(), 'arxiv-brief-no-such.env');

describe('SUMMARIZE_BATCH=auto, SUMMARIZE_DEADLINE and SUMMARIZE_BATCH_FOLLOW_UPS', () => {
  it('reads the batch mode, a deadline as a time of day or a duration, and where follow-ups go', () => {
    const config = loadConfig({ env: { SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '06:30', SUMMARIZE_BATCH_FOLLOW_UPS: 'at-once' }, envFile: noFile });
    expect(config.batch).toBe('auto');
    expect(config.deadline).toEqual({ kind: 'time-of-day', hours: 6, minutes: 30 });
    expect(config.batchFollowUps).toBe('at-once');
    expect(loadConfig({ env: { SUMMARIZE_DEADLINE: '1h30m' }, envFile: noFile }).deadline).toEqual({ kind: 'after-start', milliseconds: 90 * 60_000 });
    // --batch wins over the setting, as every flag does.
    expect(loadConfig({ env: { SUMMARIZE_BATCH: 'auto' }, envFile: noFile, flags: { batch: true } }).batch).toBe('on');
    expect(loadConfig({ env: {}, envFile: noFile }).batch).toBe('off');
  });

  it('refuses a deadline that is neither, naming the setting and what it expects', () => {
    for (const value of ['25:00', '6.30', 'tomorrow', '0m']) {
      expect(() => loadConfig({ env: { SUMMARIZE_DEADLINE: value }, envFile: noFile })).toThrow(
        `SUMMARIZE_DEADLINE: expected a time of day such as 06:30 (24-hour, this machine's time zone) or a duration after the run starts such as 4h, 90m or 1h30m, got "${value}"`,
      );
    }
    expect(() => loadConfig({ env: { SUMMARIZE_BATCH: 'sometimes' }, envFile: noFile })).toThrow('SUMMARIZE_BATCH: expected 1 or 0 (also true/false, yes/no, on/off) or auto, got "sometimes"');
  });

  it('takes the time of day nearest the first start: up to 12 h after it is late for it, later is early for the next one', () => {
    const sixThirty = { kind: 'time-of-day', hours: 6, minutes: 30 } as const;
    const evening = new Date(2025, 8, 10, 23, 0).getTime();
    expect(resolveDeadline(sixThirty, evening)).toEqual({ at: new Date(2025, 8, 11, 6, 30).getTime(), label: '06:30' });
    const earlyMorning = new Date(2025, 8, 11, 2, 15).getTime();
    expect(resolveDeadline(sixThirty, earlyMorning).at).toBe(new Date(2025, 8, 11, 6, 30).getTime());
    // A cron that starts late has missed its deadline; it does not take tomorrow's.
    expect(resolveDeadline(sixThirty, new Date(2025, 8, 11, 6, 45).getTime()).at).toBe(new Date(2025, 8, 11, 6, 30).getTime());
    expect(resolveDeadline(sixThirty, new Date(2025, 8, 11, 18, 29).getTime()).at).toBe(new Date(2025, 8, 11, 6, 30).getTime());
    expect(resolveDeadline(sixThirty, new Date(2025, 8, 11, 18, 30).getTime()).at).toBe(new Date(2025, 8, 12, 6, 30).getTime());
    expect(resolveDeadline({ kind: 'time-of-day', hours: 23, minutes: 0 }, new Date(2025, 8, 11, 0, 30).getTime()).at).toBe(new Date(2025, 8, 10, 23, 0).getTime());
    expect(resolveDeadline({ kind: 'after-start', milliseconds: 4 * 3_600_000 }, earlyMorning)).toEqual({ at: earlyMorning + 4 * 3_600_000, label: '06:15' });
  });
});
