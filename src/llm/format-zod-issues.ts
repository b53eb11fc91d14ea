import type { z } from 'zod';

/** zod issues as lines a model (or a person) can act on: `quiz[1].options: Too small: expected array to have >=3 items`. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
}

/** `['quiz', 1, 'options']` → `quiz[1].options`; the empty path is the whole answer. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(whole answer)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
