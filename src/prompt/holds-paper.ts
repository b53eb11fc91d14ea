/** True for a prompt file written before prompts/paper.md, which holds the paper itself: it is sent as it was, paper and all, in a call of its own. */
export function holdsPaper(template: string): boolean {
  return /\{\{\s*paperText\s*\}\}/.test(template);
}
