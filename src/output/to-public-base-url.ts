/**
 * SUMMARIZE_PUBLIC_URL as readers may see it: without its user, password, query or fragment (a login for the host
 * is the publisher's secret, never part of a published link), and without a trailing slash.
 */
export function toPublicBaseUrl(publicUrl: string | undefined): string | undefined {
  if (publicUrl === undefined) return undefined;
  const url = new URL(publicUrl);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}
