import { getMessages } from '../language/messages.js';
import type { Period } from './period.js';

/** The period as readers of `language` name it: `September 2025`, `2025年9月`, `2025 年第 37 周（9月8日至9月14日）`. */
export function describePeriodTitle(period: Period, language: string): string {
  // English as it always was: day before month, as en-GB writes it.
  const locale = language === 'en' ? 'en-GB' : language;
  const first = new Date(`${period.first}T00:00:00Z`);
  if (period.kind === 'month') return first.toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const day = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const [year, week] = period.key.split('-W').map(Number);
  return getMessages(language).weekTitle(week!, year!, day(period.first), day(period.last));
}
