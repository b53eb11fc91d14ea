import { LANGUAGE_CODES } from '../language/messages.js';

/**
 * The language of a page: the reader's own when they are known, else the first of the browser's Accept-Language
 * the tool has words for, else SUMMARIZE_LANGUAGE.
 */
export function choosePageLanguage(readerLanguage: string | undefined, acceptLanguage: string | undefined, fallback: string): string {
  if (readerLanguage !== undefined) return readerLanguage;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const quality = Number(parameters.find((parameter) => parameter.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { primary: tag.trim().split('-')[0]!.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0 && (LANGUAGE_CODES as string[]).includes(entry.primary))
    .sort((first, second) => second.quality - first.quality || first.index - second.index);
  return ranked[0]?.primary ?? fallback;
}
