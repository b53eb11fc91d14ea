import { expect, it } from 'vitest';
import { createSmtpTransport } from '../../src/smtp/create-smtp-transport.js';
import { parseSmtpUrl } from '../../src/config/parse-smtp-url.js';

// Read from the transport's options: nothing connects.
const requiresTls = (url: string) => (createSmtpTransport(parseSmtpUrl(url)).options as { requireTLS?: boolean }).requireTLS;

it('never sends a password in clear text to another host: smtp:// with a login requires STARTTLS', () => {
  expect(requiresTls('smtp://editor:secret@smtp.example.org:587')).toBe(true);
  expect(requiresTls('smtp://smtp.example.org:25')).toBe(false);
  expect(requiresTls('smtp://editor:secret@127.0.0.1:2525')).toBe(false);
  expect(requiresTls('smtps://editor:secret@smtp.example.org')).toBe(false);
});
