import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatService = 'slack' | 'discord' | 'telegram' | 'json';

/** One POST the fake received, with its JSON body. */
export type RecordedChatPost = { service: ChatService; path: string; query: Record<string, string>; body: Record<string, unknown> };

/**
 * An answer the fake gives instead of the service's usual success; or, having read the post, it closes the
 * connection without an answer (`drop: 'close'`) or never answers (`drop: 'hold'`): the service may have posted it.
 */
export type ChatAnswer = { status: number; body: string; headers?: Record<string, string> } | { drop: 'close' | 'hold' };

export type FakeChat = {
  /** `slack+http://127.0.0.1:<port>/slack/T000/B000/<key>` and the like: a webhook of each service on this fake. */
  webhook(service: ChatService, key?: string): string;
  /** Answers the next posts of this service with these, in order; then the usual success. */
  queue(service: ChatService, ...answers: ChatAnswer[]): void;
  posts: RecordedChatPost[];
  /** Resolves once the fake has received this many posts in all. */
  waitForPosts(count: number): Promise<void>;
  /** The paths of the non-posting GETs (Telegram getMe, Discord webhook). */
  checks: string[];
  close(): Promise<void>;
};

// What each real service answers to an accepted post.
const SUCCESS: Record<ChatService, ChatAnswer> = {
  slack: { status: 200, body: 'ok', headers: { 'content-type': 'text/plain' } },
  discord: { status: 204, body: '' },
  telegram: { status: 200, body: JSON.stringify({ ok: true, result: { message_id: 1 } }), headers: { 'content-type': 'application/json' } },
  json: { status: 200, body: '{}', headers: { 'content-type': 'application/json' } },
};

/** A recording chat server on 127.0.0.1 (random port) answering as Slack, Discord, Telegram or a JSON endpoint by the path's first segment. */
export async function startFakeChat(): Promise<FakeChat> {
  const posts: RecordedChatPost[] = [];
  const checks: string[] = [];
  const queued: Record<ChatService, ChatAnswer[]> = { slack: [], discord: [], telegram: [], json: [] };
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const parsed = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const service = parsed.pathname.split('/')[1] as ChatService;
      // The non-posting checks `doctor` makes: Telegram's getMe, a GET of a Discord webhook; a key with "Revoked" in it is refused.
      if (incoming.method === 'GET' && (service === 'discord' || (service === 'telegram' && parsed.pathname.endsWith('/getMe')))) {
        checks.push(parsed.pathname);
        const refused = parsed.pathname.includes('Revoked');
        const body = service === 'telegram' ? { ok: !refused, ...(refused ? { error_code: 401, description: 'Unauthorized' } : { result: { is_bot: true } }) } : refused ? { message: 'Unknown Webhook', code: 10015 } : { type: 1, id: '42' };
        outgoing.writeHead(refused ? (service === 'telegram' ? 401 : 404) : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return;
      }
      if (!(service in SUCCESS) || incoming.method !== 'POST') {
        outgoing.writeHead(404).end('not found');
        return;
      }
      posts.push({ service, path: parsed.pathname, query: Object.fromEntries(parsed.searchParams), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      for (const waiter of waiters.filter((entry) => entry.count <= posts.length)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const answer = queued[service].shift() ?? SUCCESS[service];
      if ('drop' in answer) {
        if (answer.drop === 'close') incoming.socket.destroy();
        return;
      }
      outgoing.writeHead(answer.status, answer.headers ?? { 'content-type': 'application/json' });
      outgoing.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    webhook(service, key = 'SecretKey0123456789abcdef') {
      if (service === 'telegram') return `telegram+${base}/telegram/bot123456:${key}/sendMessage?chat_id=-100200300`;
      if (service === 'slack') return `slack+${base}/slack/T0001/B0002/${key}`;
      return `${service}+${base}/${service}/webhooks/42/${key}`;
    },
    queue(service, ...answers) {
      queued[service].push(...answers);
    },
    posts,
    waitForPosts: (count) => (posts.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
    checks,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A held post keeps its connection open; a closing fake ends it.
        server.closeAllConnections();
      }),
  };
}
