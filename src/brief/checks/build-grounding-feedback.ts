/**
 * The user message of the one repair round after the grounding check: which numbers the paper
 * does not contain, and the request to fix them and answer again in full.
 * Returns an empty string when there is nothing to repair.
 */
export function buildGroundingFeedback(ungrounded: string[], label = 'brief'): string {
  if (ungrounded.length === 0) return '';
  return [
    `These numbers in your ${label} do not occur in the paper text:`,
    ...ungrounded.map((number) => `- ${number}`),
    '',
    'Check each one against the paper. If the paper reports a different value, use the value exactly as the paper gives it; if the paper does not support the claim, remove the number or the claim. Do not add numbers that the paper does not contain.',
    'Answer again with the complete JSON object, every field included, in the same format as before.',
  ].join('\n');
}
