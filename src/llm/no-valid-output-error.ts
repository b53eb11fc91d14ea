import type { Usage } from '../brief/brief-schema.js';
import { LlmError } from './llm-error.js';
import { formatCount } from '../format/format-count.js';

/** The model answered, but after every attempt the answer was still not valid JSON for the schema. */
export class NoValidOutputError extends LlmError {
  readonly rawText: string;
  readonly finishReason: string | undefined;
  /** What was wrong with the last answer, one readable line each (`quiz: ...`). */
  readonly issues: string[];
  readonly usage: Usage;
  readonly attempts: number;

  constructor(evidence: {
    schemaName: string;
    rawText: string;
    finishReason: string | undefined;
    issues: string[];
    usage: Usage;
    attempts: number;
  }) {
    const shownIssues = evidence.issues.slice(0, 5).map((issue) => `\n  - ${issue}`).join('');
    const moreIssues = evidence.issues.length > 5 ? `\n  - … and ${evidence.issues.length - 5} more` : '';
    super(
      `the model gave no valid ${evidence.schemaName} after ${formatCount(evidence.attempts, 'attempt')}; last problems:` +
        `${shownIssues}${moreIssues}\n` +
        'try a stronger model (SUMMARIZE_MODEL) or more attempts (SUMMARIZE_MAX_ATTEMPTS)',
    );
    this.rawText = evidence.rawText;
    this.finishReason = evidence.finishReason;
    this.issues = evidence.issues;
    this.usage = evidence.usage;
    this.attempts = evidence.attempts;
  }
}
