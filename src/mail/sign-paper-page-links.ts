import { parseArxivId } from '../arxiv/parse-arxiv-id.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';
import { signReaderToken } from './sign-reader-token.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';

/**
 * One reader's copy whose links to paper pages (`<pagesBase>/papers/<stem>.html`) carry the reader's feedback
 * signature for that paper in the fragment (`#address=…&token=…`): a browser sends a fragment to no server and no log,
 * and the page's script shows 👍/👎 signed for the reader. `html`: the part is HTML, so `&` is written `&amp;`.
 */
export function signPaperPageLinks(part: string, pagesBase: string, reader: string, secret: string, html: boolean): string {
  const mailbox = toMailbox(reader);
  // Ends where the URL ends (a quote in HTML, a space or line end in text): never a flowchart or a link with a fragment.
  const pattern = new RegExp(`${escapeRegExp(pagesBase)}/papers/([0-9A-Za-z._-]+)\\.html(?=["'\\s<>)]|$)`, 'g');
  return part.replace(pattern, (link: string, stem: string) => {
    const paperId = readPaperId(stem);
    if (paperId === undefined) return link;
    const token = signReaderToken(secret, { kind: 'feedback', address: mailbox, paperId });
    return `${link}#address=${encodeURIComponent(mailbox)}${html ? '&amp;' : '&'}token=${token}`;
  });
}

// --- internal ---

// `2509.08721v2` → `2509.08721`, `hep-th_9108004v1` → `hep-th/9108004` (toFileStem backwards): votes are on the work.
function readPaperId(stem: string): string | undefined {
  try {
    return parseArxivId(stem.replace('_', '/')).id;
  } catch {
    return undefined;
  }
}
