import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadUndiciParts, type UndiciParts } from '../../src/http/load-undici-parts.js';

const realRequire = createRequire(import.meta.url);
const server = createServer((_request, response) => response.end('hello'));
let origin: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function expectWorking({ Agent, fetch }: UndiciParts): Promise<void> {
  const agent = new Agent({ connections: 1 });
  try {
    const { body } = await agent.request({ origin, path: '/', method: 'GET' });
    expect(await body.text()).toBe('hello');
    expect(await (await fetch(`${origin}/`, { dispatcher: agent })).text()).toBe('hello');
  } finally {
    await agent.close();
  }
}

it("loads undici's Agent and fetch from its own files, and both answer a request", async () => {
  await expectWorking(loadUndiciParts());
});

it('falls back to the whole package when a release has moved one of the files', async () => {
  const moved = (id: string): unknown => {
    if (id === 'undici/lib/dispatcher/agent.js') throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    return realRequire(id);
  };
  const parts = loadUndiciParts({ _internal: { require: moved } });
  const whole = realRequire('undici') as typeof import('undici');
  expect(parts).toEqual({ Agent: whole.Agent, fetch: whole.fetch });
  await expectWorking(parts);
});
