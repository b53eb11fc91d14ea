/**
 * What a command achieved, for cron to alert on; `cli/main.ts` alone turns it into an exit code.
 * - `done`: everything asked was done (an empty day too)
 * - `failed`: the paper or the run could not be done
 * - `partial`: a batch ran, but some papers failed or were not started; the others were written
 * - `interrupted`: stopped by Ctrl-C / SIGTERM, after the run report was written
 */
export type Outcome = 'done' | 'failed' | 'partial' | 'interrupted';
