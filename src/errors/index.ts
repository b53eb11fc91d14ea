export { BriefError, ConfigError, PaperError, RunError, UsageError } from './brief-error.js';
export type { PaperStage } from './brief-error.js';
