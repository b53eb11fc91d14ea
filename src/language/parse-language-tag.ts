import { UsageError } from '../errors/brief-error.js';
import { LANGUAGE_CODES } from './messages.js';

/**
 * `--language zh-Hans`: a well-formed BCP 47 tag whose language has a message table, in canonical case.
 * An unknown language is refused (rather than written with English labels) so a typo costs nothing.
 */
export function parseLanguageTag(value: string, name = '--language'): string {
  const problem = describeLanguageProblem(value);
  if (problem) throw new UsageError(`${name}: ${problem}`);
  return Intl.getCanonicalLocales(value.trim())[0]!;
}

/** Why a tag is refused, or undefined when it is fine; for the config schema's message too. */
export function describeLanguageProblem(value: string): string | undefined {
  const expected = `expected a BCP 47 tag of one of ${LANGUAGE_CODES.join(', ')} (e.g. zh or zh-Hans)`;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    return `${JSON.stringify(value)} is not a BCP 47 language tag; ${expected}`;
  }
  const primary = canonical?.split('-')[0];
  if (!primary || !(LANGUAGE_CODES as string[]).includes(primary)) return `no message table for ${JSON.stringify(value)}; ${expected}`;
  return undefined;
}
