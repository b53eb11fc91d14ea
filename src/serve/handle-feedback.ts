import { parseArxivId } from '../arxiv/parse-arxiv-id.js';
import { getReaderPageMessages } from '../language/reader-page-messages.js';
import { choosePageLanguage } from './choose-page-language.js';
import { HttpStatusError } from './http-status-error.js';
import { readFormBody } from './read-form-body.js';
import { readSignedAddress } from './read-signed-address.js';
import type { ReaderServerContext, RouteRequest } from './reader-server-context.js';
import { sendMessagePage, sendReaderPage } from './send-reader-page.js';

/**
 * `/feedback?paper=<arXiv id>&vote=up|down&address=…&token=…`, the 👍/👎 links of a reader's copy (the token signs the
 * reader and the paper, not the vote): GET shows one button, POST records the vote. Voting again replaces it. A paper
 * not in the published archive takes no vote.
 */
export async function handleFeedback(context: ReaderServerContext, { request, response, url }: RouteRequest): Promise<void> {
  const paperId = readPaperId(url.searchParams.get('paper'));
  const vote = url.searchParams.get('vote');
  if (vote !== 'up' && vote !== 'down') throw new HttpStatusError(400, 'invalidLink');
  const mailbox = readSignedAddress(url.searchParams, context.secret, (address) => ({ kind: 'feedback', address, paperId }));
  const reader = context.readers.find(mailbox);
  const language = choosePageLanguage(reader?.language, request.headers['accept-language'], context.defaultLanguage);
  // Removed from the database (forgotten): there is nobody to record the vote for.
  if (reader === undefined) throw new HttpStatusError(404, 'invalidLink', {}, language);
  // A paper no edition published (its files removed, or a link minted elsewhere with the same secret) teaches nothing.
  if (!context.isPublishedPaper(paperId)) throw new HttpStatusError(404, 'unknownPaper', {}, language);
  const messages = getReaderPageMessages(language);
  if (request.method === 'GET' || request.method === 'HEAD') {
    sendReaderPage(response, 200, { language, title: messages.feedbackTitle, lines: [messages.feedbackQuestion(vote, paperId)], form: { action: `${url.pathname}${url.search}`, button: messages.feedbackButton(vote) } });
    return;
  }
  if (request.method !== 'POST') throw new HttpStatusError(405, 'methodNotAllowed', { Allow: 'GET, HEAD, POST' });
  await readFormBody(request);
  context.readers.recordVote(reader.id, paperId, vote);
  sendMessagePage(response, 200, language, (words) => ({ title: words.feedbackTitle, lines: [words.feedbackRecorded(vote, paperId)] }));
}

// --- internal ---

// The paper without its version: a vote is on the work, whichever version the edition showed.
function readPaperId(value: string | null): string {
  if (value === null || value.length > 64) throw new HttpStatusError(400, 'invalidLink');
  try {
    return parseArxivId(value).id;
  } catch {
    throw new HttpStatusError(400, 'invalidLink');
  }
}
