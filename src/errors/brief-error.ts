/** An expected failure: the CLI prints its message (no stack) and maps it to an exit code. */
export class BriefError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The user typed something we cannot run: exit 2. */
export class UsageError extends BriefError {}

/** The configuration is invalid; one problem per entry of `problems`. */
export class ConfigError extends BriefError {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Where in the one-paper pipeline a paper failed. */
export type PaperStage = 'metadata' | 'download' | 'extract' | 'generate' | 'write';

/** One paper failed; a batch records it and goes on. */
export class PaperError extends BriefError {
  constructor(
    readonly paperId: string,
    readonly stage: PaperStage,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${paperId}: ${message}`, options);
  }
}

/** The run as a whole could not happen (lock held, source unreachable): exit 1. */
export class RunError extends BriefError {}
