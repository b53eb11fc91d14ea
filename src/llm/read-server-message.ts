import type { APIError } from 'openai';

/** What an OpenAI-compatible server said in its error body (`{ error: { message } }`), or the client's text for the status. */
export function readServerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string' && body.message) return body.message;
  return error.message.replace(/^\d{3}\s+/, '') || 'no message';
}
