import { expect, it } from 'vitest';
import { hideAddresses } from '../../src/reader-sends/hide-addresses.js';
import { toReaderId } from '../../src/reader-sends/to-reader-id.js';

it("replaces a reader's address in a server's answer by their id, in any case or form, and keeps the operator's own", () => {
  const answer = '550 5.1.1 <Ada@Example.com>: Recipient address rejected; ada@example.com unknown. Sender brief@example.org, login smtp-user@example.net.';
  expect(hideAddresses(answer, ['arXiv Brief <brief@example.org>', 'smtp-user@example.net'])).toBe(
    `550 5.1.1 ${toReaderId('ada@example.com')}: Recipient address rejected; ${toReaderId('ada@example.com')} unknown. Sender brief@example.org, login smtp-user@example.net.`,
  );
  expect(toReaderId('Ada <ADA@example.com>')).toMatch(/^#[0-9a-f]{8}$/);
  expect(toReaderId('Ada <ADA@example.com>')).toBe(toReaderId('ada@example.com'));
});
