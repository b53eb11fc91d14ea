import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What signs each copy (RFC 6376), so `List-Unsubscribe` and `List-Unsubscribe-Post` are covered as RFC 8058 asks. */
export interface DkimSigning {
  domain: string;
  selector: string;
  /** The PEM private key; a secret, never printed. */
  privateKey: string;
}

/**
 * Reads and checks the private key, so a wrong file stops a send (and `nightly --send` before it spends anything)
 * instead of failing at the first reader. Returns the problem in one line, naming the file, never its content.
 */
export function loadDkimSigning(domain: string, selector: string, keyFile: string): DkimSigning | string {
  let privateKey: string;
  try {
    privateKey = readFileSync(keyFile, 'utf8');
  } catch (error) {
    return `cannot read ${keyFile} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); the PEM file of the DKIM private key`;
  }
  try {
    createPrivateKey(privateKey);
  } catch {
    return `${keyFile} is not a PEM private key; make one with: openssl genrsa -out dkim.pem 2048`;
  }
  return { domain, selector, privateKey };
}
