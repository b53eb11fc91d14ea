import type { z } from 'zod';
import { formatZodIssues } from './format-zod-issues.js';

export type ValidationResult<T> = { success: true; value: T } | { success: false; issues: string[] };

/** Parsed JSON checked against the schema; failures as readable lines with their paths. */
export function validateWithSchema<T>(schema: z.ZodType<T>, value: unknown): ValidationResult<T> {
  const result = schema.safeParse(value);
  if (result.success) return { success: true, value: result.data };
  return { success: false, issues: formatZodIssues(result.error.issues) };
}
