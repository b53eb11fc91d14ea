/** Exit codes are part of the interface: cron and CI alert on them. */
export const EXIT_CODES = {
  ok: 0,
  /** A failure: the paper (or the run) could not be done. */
  failure: 1,
  /** The command line was wrong: nothing was attempted. */
  usage: 2,
  /** A batch ran but some papers failed; the others were written. */
  partialFailure: 3,
  /** Stopped by Ctrl-C / SIGTERM after writing the run report. */
  interrupted: 130,
} as const;
