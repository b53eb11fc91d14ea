import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpStatusError } from './http-status-error.js';

/** What the static part needs to know: the output folder it publishes and the private folder it never shows. */
export interface PublishedFolder {
  /** Real path of the output folder. */
  root: string;
  /** Real path of the data folder, refused even if it were inside the root. */
  dataDir: string;
}

/**
 * Serves one of the output folder's published files (GET and HEAD), as `rsync --exclude` in the operating docs
 * publishes them: never `mail/`, `runs/`, dotfiles (the run lock), `*.tmp`, nor anything a link leads out of the
 * folder to. A folder shows its `index.html` or nothing: no listings. Byte ranges for the podcast's players.
 */
export async function servePublishedFile(request: IncomingMessage, response: ServerResponse, pathname: string, folder: PublishedFolder): Promise<void> {
  const segments = decodeSegments(pathname);
  let path = await resolveInside(folder, segments);
  let info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) throw new HttpStatusError(301, 'notFound', { Location: `${pathname}/` });
    path = await resolveInside(folder, [...segments, 'index.html']);
    info = await stat(path).catch(() => undefined);
  }
  if (info === undefined || !info.isFile()) throw new HttpStatusError(404, 'notFound');

  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': chooseCacheControl(path),
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  const range = parseRange(request.headers.range, info.size);
  if (range === 'unsatisfiable') {
    response.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` }).end();
    return;
  }
  const [start, end] = range ?? [0, info.size - 1];
  response.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': String(Math.max(0, end - start + 1)), ...(range ? { 'Content-Range': `bytes ${start}-${end}/${info.size}` } : {}) });
  if (request.method === 'HEAD' || info.size === 0) {
    response.end();
    return;
  }
  await pipeline(createReadStream(path, { start, end }), response).catch(() => response.destroy());
}

// --- internal ---

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
};

// What a night rewrites (pages, feeds, search data) is checked again on each visit; images and audio keep a day.
function chooseCacheControl(path: string): string {
  return /\.(png|jpe?g|webp|gif|svg|ico|mp3)$/i.test(path) ? 'public, max-age=86400' : 'no-cache';
}

// `/papers/a%20b.html` → ['papers', 'a b.html']; anything that could climb or hide is a 404, as if it were not there.
function decodeSegments(pathname: string): string[] {
  let segments: string[];
  try {
    segments = pathname.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  } catch {
    throw new HttpStatusError(400, 'badRequest');
  }
  const hidden = segments.some((segment) => segment === '..' || segment.startsWith('.') || /[\\/\0]/.test(segment)) || PRIVATE_FOLDERS.has(segments[0] ?? '') || /\.tmp$/i.test(segments[segments.length - 1] ?? '');
  if (hidden) throw new HttpStatusError(404, 'notFound');
  return segments;
}

// The mail records (readers' addresses) and the run reports (costs, failures) are for the operator only.
const PRIVATE_FOLDERS = new Set(['mail', 'runs']);

// The real path, refused (404) when a symbolic link leads out of the output folder or into the data folder.
async function resolveInside(folder: PublishedFolder, segments: readonly string[]): Promise<string> {
  const path = join(folder.root, ...segments);
  const real = await realpath(path).catch(() => path);
  const inRoot = relative(folder.root, real);
  const inData = relative(folder.dataDir, real);
  if (inRoot.startsWith(`..${sep}`) || inRoot === '..' || !(inData.startsWith(`..${sep}`) || inData === '..')) throw new HttpStatusError(404, 'notFound');
  return real;
}

// One range (`bytes=0-`, `bytes=100-199`, `bytes=-500`), as podcast players ask; several ranges get the whole file.
function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  const start = first === '' ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}
