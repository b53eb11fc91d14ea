/** The text cut to `limit` characters (code points), with an ellipsis when cut: a service refuses a field over its limit. */
export function clipText(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}
