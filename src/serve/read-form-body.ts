import type { IncomingMessage } from 'node:http';
import { HttpStatusError } from './http-status-error.js';

/** Request bodies above this are refused (413) before they are read whole: every form here is a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The fields of a POSTed form, `application/x-www-form-urlencoded` or `multipart/form-data` (RFC 8058 allows
 * either for one-click unsubscribe); a body over 16 KB is refused with 413 as soon as it is known to be.
 */
export async function readFormBody(request: IncomingMessage): Promise<URLSearchParams> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new HttpStatusError(413, 'tooLarge', { Connection: 'close' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpStatusError(413, 'tooLarge', { Connection: 'close' });
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (body.length === 0) return new URLSearchParams();
  if (/^application\/x-www-form-urlencoded/i.test(type) || type === '') return new URLSearchParams(body.toString('utf8'));
  if (/^multipart\/form-data/i.test(type)) {
    try {
      const form = await new Response(body, { headers: { 'content-type': type } }).formData();
      const fields = new URLSearchParams();
      for (const [name, value] of form) if (typeof value === 'string') fields.append(name, value);
      return fields;
    } catch {
      throw new HttpStatusError(400, 'badRequest');
    }
  }
  throw new HttpStatusError(415, 'badRequest');
}
