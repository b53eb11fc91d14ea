import type { Checks } from '../brief/brief-schema.js';

/** Still in the wrong language after the repair round: flagged for the reader, never dropped. */
export function addLanguageWarning(checks: Checks, wrongLanguage: string | undefined, tag: string): Checks {
  if (!wrongLanguage) return checks;
  return { ...checks, warnings: [...checks.warnings, `written in ${wrongLanguage}, not in ${tag} as asked`] };
}
