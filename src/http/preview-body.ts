/** A server's answer cut to one readable line for an error message: tags and runs of white space go (an HTML error page reads as its text). */
export function previewBody(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text || '(empty body)';
}
