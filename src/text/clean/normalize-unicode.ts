const LIGATURES = /[\uFB00-\uFB06]/g;

/** NFKC: ligatures (ﬁ → fi), full-width and compatibility forms become the plain letters a model expects. */
export function normalizeUnicode(text: string): { text: string; ligaturesReplaced: number } {
  const ligaturesReplaced = text.match(LIGATURES)?.length ?? 0;
  return { text: text.normalize('NFKC'), ligaturesReplaced };
}
