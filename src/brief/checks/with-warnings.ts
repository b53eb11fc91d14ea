import type { Checks } from '../brief-schema.js';

/** The checks with the warnings that apply added (undefined ones are not), each once. */
export function withWarnings(checks: Checks, warnings: ReadonlyArray<string | undefined>): Checks {
  const added = warnings.filter((warning): warning is string => warning !== undefined);
  return added.length === 0 ? checks : { ...checks, warnings: [...new Set([...checks.warnings, ...added])] };
}
