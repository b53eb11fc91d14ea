import addressparser from 'nodemailer/lib/addressparser';

/** `a@x.org, Name <b@y.org>` as a list of addresses in the same form, or the problem with it in words. */
export function parseMailAddresses(value: string): string[] | string {
  const entries = addressparser(value, { flatten: true });
  if (entries.length === 0) return 'expected an address such as brief@example.org';
  const addresses: string[] = [];
  for (const entry of entries) {
    if (!ADDRESS.test(entry.address)) return `${JSON.stringify(entry.address || entry.name)} is not an email address`;
    addresses.push(entry.name === '' ? entry.address : `${JSON.stringify(entry.name)} <${entry.address}>`);
  }
  return addresses;
}

// --- internal ---

// Deliberately loose: the SMTP server is the judge; this catches typos such as a missing @ or a space.
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;
