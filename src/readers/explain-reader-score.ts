import type { Config } from '../config/config-schema.js';
import { BriefError } from '../errors/brief-error.js';
import type { LearnPaper } from '../learn/learn-paper.js';
import { matchReaderRules } from '../learn/match-reader-rules.js';
import { rankForReader } from '../learn/rank-for-reader.js';
import { createStoredPaperFinder } from '../output/create-stored-paper-finder.js';
import { listEditionDates, readDigestIndex } from '../output/digest-store.js';
import { toReaderId } from '../reader-sends/to-reader-id.js';
import { buildReaderProfile } from './build-reader-profile.js';
import { createReaderDayRandom } from './create-reader-day-random.js';
import { createVotedPaperFinder } from './create-voted-paper-finder.js';
import { describeDatabaseFailure } from './describe-database-failure.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';
import { openReadersDatabase } from './open-readers-database.js';
import { readReaderCopies, type RecordedPick } from './reader-copies-store.js';
import type { ReaderSignals } from './reader-signals.js';
import { createReadersStore } from './readers-store.js';

/**
 * `summarize readers explain ADDRESS PAPER`: why the paper scored what it did for the reader, part by part, as the night
 * ranked it for their copy when it did, else as their model ranks it now among the papers of its day.
 */
export async function explainReaderScore(config: Config, request: { address: string; paperId: string }, now = new Date()): Promise<string> {
  const signals = readSignals(config, request.address);
  const findPaper = await createStoredPaperFinder(config.outputDir);
  const paper = await findPaper(request.paperId);
  if (!paper) throw new BriefError(`readers explain: no brief of ${request.paperId} in ${config.outputDir}: only a paper a run briefed can be explained`);
  const heading = `${request.address} and ${paper.id} (${oneLine(paper.title)})`;

  // A reader's copy holds papers of that day's edition only: the edition's day is the one copies file to read.
  const day = await findEditionOf(config.outputDir, paper.id);
  const recorded = day && (await findRecordedPick(config.outputDir, day.date, request.address, paper.id));
  if (recorded) return renderParts(`${heading}, as ranked for their copy of ${day.date}:`, recorded.pick, `${recorded.rank} of ${recorded.of}`);

  // Not in a copy the night recorded: their model now, among the papers of the paper's edition.
  const dayPapers = day ? (await Promise.all(day.ids.map(findPaper))).flatMap((found) => (found ? [found] : [])) : [paper];
  const candidates: LearnPaper[] = dayPapers.map((found) => ({ id: found.id, title: found.title, abstract: found.abstract, authors: found.authors }));
  const profile = await buildReaderProfile(signals, createVotedPaperFinder(findPaper));
  const shared = new Map(day?.ids.map((id, position) => [id, { score: day.ids.length - position, reason: day.reasons.get(id) ?? '' }]));
  const picks = rankForReader(candidates, profile, shared, { now, halfLifeDays: config.learnHalfLifeDays, explore: 0, random: createReaderDayRandom(request.address, day?.date ?? ''), background: [] });
  const position = picks.findIndex((pick) => pick.paperId === paper.id);
  const where = day ? `among the ${candidates.length} papers of ${day.date}` : 'alone (it is in no edition)';
  if (position < 0) {
    const rule = matchReaderRules(candidates.find((candidate) => candidate.id === paper.id)!, profile.never, profile.follow);
    return `${heading}, ${where}:\n  dropped by their rule: never "${rule?.kind === 'never' ? rule.keyword : '?'}"\n`;
  }
  const pick = picks[position]!;
  const rank = day ? `not known: no copy of ${day.date} was recorded for them; ranked now, ${position + 1} of ${picks.length}` : 'not known: the paper is in no edition';
  // The edition keeps its order, not the shared scores: the place stands in for the score.
  const sharedPlace = day ? `#${day.ids.indexOf(paper.id) + 1} of the edition` : 'none';
  return renderParts(`${heading}, as their model ranks it now ${where}:`, { ...pick, sharedReason: shared.get(paper.id)?.reason || null }, rank, sharedPlace);
}

// --- internal ---

function readSignals(config: Config, address: string): ReaderSignals {
  const path = getReadersDatabasePath(config);
  const connection = openReadersDatabase(path);
  if (connection === undefined) throw new BriefError(`readers explain: no reader ${address}: ${path} does not exist`);
  try {
    const readers = createReadersStore(connection);
    const reader = readers.find(address);
    if (!reader) throw new BriefError(`readers explain: no reader ${address} in ${path}`);
    if (reader.state !== 'active') throw new BriefError(`readers explain: ${address} is ${reader.state}, and only an active reader's copy is ranked`);
    return readers.readReaderSignals(reader);
  } catch (error) {
    throw error instanceof BriefError ? error : describeDatabaseFailure(error, path);
  } finally {
    connection.close();
  }
}

async function findRecordedPick(outputDir: string, date: string, address: string, paperId: string): Promise<{ pick: RecordedPick; rank: number; of: number } | undefined> {
  const picks = (await readReaderCopies(outputDir, date))?.get(toReaderId(address)) ?? [];
  const index = picks.findIndex((pick) => pick.paperId === paperId);
  return index < 0 ? undefined : { pick: picks[index]!, rank: index + 1, of: picks.length };
}

async function findEditionOf(outputDir: string, paperId: string): Promise<{ date: string; ids: string[]; reasons: Map<string, string> } | undefined> {
  for (const date of (await listEditionDates(outputDir)).reverse()) {
    const index = await readDigestIndex(outputDir, date).catch(() => undefined);
    if (!index?.papers.some((paper) => paper.id === paperId)) continue;
    return { date, ids: index.papers.map((paper) => paper.id), reasons: new Map(index.papers.flatMap((paper) => (paper.reason === undefined ? [] : [[paper.id, paper.reason] as const]))) };
  }
  return undefined;
}

function renderParts(heading: string, pick: Omit<RecordedPick, 'paperId'>, rank: string, sharedPlace?: string): string {
  const { parts } = pick;
  const number = (value: number) => String(Math.round(value * 10_000) / 10_000);
  const sharedScore = sharedPlace ?? (parts.sharedScore === null ? 'none' : number(parts.sharedScore));
  const rows: Array<[string, string]> = [
    ['rank in their copy', rank],
    ['reason shown', pick.explore ? `${pick.reason} (an "outside your usual" pick)` : pick.reason],
    ['shared score', `${sharedScore}${pick.sharedReason ? ` (${pick.sharedReason})` : ''}; above ${percent(parts.sharedPercentile)} of the day's candidates`],
    ['model score', parts.modelScore === null ? 'none (no vote or library item yet)' : `${number(parts.modelScore)} (${parts.features}); above ${percent(parts.modelPercentile ?? 0)} of the day's candidates`],
    ['blend weight', `${number(parts.modelWeight)} the model, ${number(1 - parts.modelWeight)} the shared ranking`],
    ['nearest liked paper', parts.nearestLiked === null ? 'none' : `${oneLine(parts.nearestLiked.title)} (similarity ${number(parts.nearestLiked.similarity)})`],
    ['rule that fired', parts.rule === null ? 'none' : `follows ${parts.rule.author}`],
    ['final score', number(pick.score)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${heading}\n${rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
