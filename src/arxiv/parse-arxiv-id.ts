import { UsageError } from '../errors/brief-error.js';

/** An arXiv paper, with the version the user asked for or `null` for the latest. */
export type ArxivId = { id: string; version: number | null };

const EXAMPLES = '2509.08721, 2509.08721v2, hep-th/9108004 or https://arxiv.org/abs/2509.08721';

// YYMM.NNNN until December 2014, YYMM.NNNNN from January 2015 on.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
// archive[-sub][.SUBJECT-CLASS]/YYMMNNN, e.g. hep-th/9108004, math.GT/0309136.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;
const URL_FORM = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;
const PREFIX = /^arxiv:/i;

/**
 * Reads an arXiv ID from what a user types or pastes (bare ID, `arXiv:` prefix, abs/pdf URL).
 * The old-style subject class is dropped (`math.GT/0309136` → `math/0309136`), as arXiv files it.
 */
export function parseArxivId(input: string): ArxivId {
  const trimmed = input.trim();
  const bare = trimmed.match(URL_FORM)?.[1] ?? trimmed.replace(PREFIX, '');
  const parsed = parseNewStyle(bare) ?? parseOldStyle(bare);
  if (!parsed) {
    throw new UsageError(`${JSON.stringify(input)} is not an arXiv ID: expected e.g. ${EXAMPLES}`);
  }
  return parsed;
}

// --- internal ---

function parseNewStyle(text: string): ArxivId | null {
  const match = text.match(NEW_STYLE);
  if (!match) return null;
  const [, year = '', month = '', number = '', version] = match;
  const yearMonth = Number(year + month);
  if (!isMonth(month) || yearMonth < 704) return null;
  const expectedDigits = yearMonth >= 1501 ? 5 : 4;
  if (number.length !== expectedDigits) return null;
  return withVersion(`${year}${month}.${number}`, version);
}

function parseOldStyle(text: string): ArxivId | null {
  const match = text.match(OLD_STYLE);
  if (!match) return null;
  const [, archive = '', year = '', month = '', number = '', version] = match;
  if (!isMonth(month)) return null;
  return withVersion(`${archive}/${year}${month}${number}`, version);
}

function isMonth(month: string): boolean {
  const value = Number(month);
  return value >= 1 && value <= 12;
}

function withVersion(id: string, version: string | undefined): ArxivId | null {
  if (version === undefined) return { id, version: null };
  const value = Number(version);
  return value >= 1 && Number.isSafeInteger(value) ? { id, version: value } : null;
}
