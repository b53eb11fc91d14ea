import { describe, expect, it } from 'vitest';
import { parseMailAddresses } from '../../src/config/parse-mail-addresses.js';
import { parseSmtpUrlSafely } from '../../src/config/parse-smtp-url.js';

describe('parseSmtpUrlSafely', () => {
  it('reads host, port, TLS mode and percent-encoded credentials', () => {
    expect(parseSmtpUrlSafely('smtps://brief%40example.org:p%40ss%3Aword@smtp.example.org:465')).toEqual({
      host: 'smtp.example.org',
      port: 465,
      secure: true,
      auth: { user: 'brief@example.org', pass: 'p@ss:word' },
    });
    expect(parseSmtpUrlSafely('smtp://localhost')).toEqual({ host: 'localhost', port: 25, secure: false });
    expect(parseSmtpUrlSafely('smtps://mail.example.org')).toMatchObject({ port: 465, secure: true });
    expect(parseSmtpUrlSafely('smtp://[::1]:2525')).toEqual({ host: '::1', port: 2525, secure: false });
  });

  it('refuses what is not an SMTP server URL', () => {
    for (const url of ['https://smtp.example.org', 'smtp://', 'smtps//user:pass@host', 'smtp://host:25/path', 'smtp://u:%E0%A4%A@host', '']) {
      expect(parseSmtpUrlSafely(url)).toBeUndefined();
    }
  });
});

describe('parseMailAddresses', () => {
  it('splits a comma-separated list, keeping display names', () => {
    expect(parseMailAddresses('ada@example.com, "Alan T." <alan@example.com>,root@localhost')).toEqual([
      'ada@example.com',
      '"Alan T." <alan@example.com>',
      'root@localhost',
    ]);
  });

  it('names the entry that is not an address', () => {
    expect(parseMailAddresses('ada@example.com, alan.example.com')).toBe('"alan.example.com" is not an email address');
    expect(parseMailAddresses('  ')).toBe('expected an address such as brief@example.org');
  });
});
