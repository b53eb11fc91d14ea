import { ENV_NAMES } from '../config/config-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { isEmptyInterests } from '../rank/parse-interests.js';
import { readInterestsFile } from '../rank/read-interests-file.js';
import type { CheckResult } from './check-result.js';
import { formatCount } from '../format/format-count.js';

/** The interests file a nightly run ranks by: readable, text, and naming something. */
export async function checkInterestsFile(path: string): Promise<CheckResult> {
  const base = { id: 'interests', title: 'interests file' };
  try {
    const interests = await readInterestsFile(path);
    if (isEmptyInterests(interests)) return { ...base, status: 'warning', message: `${path} names no topic, term or paper`, fix: 'add one entry a line (see docs/choosing-papers.md), or unset SUMMARIZE_INTERESTS' };
    const counts = [formatCount(interests.topics.length, 'topic'), formatCount(interests.boosts.length, 'boost'), formatCount(interests.excludes.length, 'exclude'), formatCount(interests.examples.length, 'example paper')].join(', ');
    return { ...base, status: 'ok', message: `${path}: ${counts}` };
  } catch (error) {
    if (!(error instanceof BriefError)) throw error;
    return { ...base, status: 'failed', certain: true, message: error.message.replace(/^invalid configuration:\s*-\s*/, ''), fix: `fix the file, or point ${ENV_NAMES.interestsPath} elsewhere` };
  }
}
