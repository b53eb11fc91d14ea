import { domainToASCII } from 'node:url';

// `"Ada" <ada@example.com>` and `ada@example.com` are the same mailbox; so are a Unicode domain and its punycode,
// which is what the SMTP envelope (and so the server's answer) carries.
export function toMailbox(recipient: string): string {
  const address = (/<([^>]+)>\s*$/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}

/** One address once, whatever its display name or case: `Ada <Ada@Example.org>` and `ada@example.org` are one mailbox. */
export function dedupeRecipients(recipients: readonly string[]): string[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const mailbox = toMailbox(recipient);
    if (seen.has(mailbox)) return false;
    seen.add(mailbox);
    return true;
  });
}
