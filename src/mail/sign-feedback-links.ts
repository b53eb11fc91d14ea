import { escapeRegExp } from '../text/escape-reg-exp.js';
import { signReaderToken } from './sign-reader-token.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';

/**
 * One reader's copy with its 👍/👎 links signed for them: each `<feedbackUrl>?paper=<id>&vote=up|down` the edition was
 * rendered with (`&amp;` in HTML) gains the reader's `address` and a token for that reader and paper.
 */
export function signFeedbackLinks(part: string, feedbackUrl: string, reader: string, secret: string): string {
  const mailbox = toMailbox(reader);
  const pattern = new RegExp(`${escapeRegExp(feedbackUrl)}\\?paper=([0-9A-Za-z./-]+)&(amp;)?vote=(up|down)`, 'g');
  return part.replace(pattern, (link: string, paperId: string, escaped: string | undefined) => {
    const and = escaped === undefined ? '&' : '&amp;';
    return `${link}${and}address=${encodeURIComponent(mailbox)}${and}token=${signReaderToken(secret, { kind: 'feedback', address: mailbox, paperId })}`;
  });
}

