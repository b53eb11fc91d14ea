import { z } from 'zod';
import { checkWordCount } from './check-word-count.js';

/** Words per paper's segment: about 4 to 7 minutes spoken. */
export const PODCAST_WORDS = { min: 600, max: 1000 } as const;

// What a speech engine would read out literally, or what no listener should hear.
const UNSPEAKABLE: Array<[pattern: RegExp, problem: string]> = [
  [/https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|org|io|ai|net)\b/i, 'contains a URL'],
  [/\p{Extended_Pictographic}/u, 'contains an emoji'],
  [/<\/?[a-z][^>]*>/i, 'contains markup or SSML'],
  [/[[\]{}*#_`|]/, 'contains brackets or markdown symbols'],
  [/\((?:laughs?|pause|music|sighs?|chuckles?)[^)]*\)/i, 'contains a stage direction'],
];

/** The podcast style's answer for one paper: turns of the hosts, each spoken as written. */
export function buildPodcastScriptSchema(hosts: readonly string[]) {
  const turn = z.object({
    // An enum in the JSON schema: strict structured output then cannot name anyone else.
    speaker: z.enum(hosts as [string, ...string[]], { error: `speaker must be one of: ${hosts.join(', ')}` }),
    text: z.string().min(1).superRefine((text, context) => {
      for (const [pattern, problem] of UNSPEAKABLE) if (pattern.test(text)) context.addIssue({ code: 'custom', message: `this turn ${problem}; write only words to be spoken` });
    }),
  });
  return z
    .object({ turns: z.array(turn).min(4) })
    .superRefine((script, context) => {
      checkWordCount(script.turns.map((entry) => entry.text), PODCAST_WORDS, context);
      if (hosts.length > 1 && new Set(script.turns.map((entry) => entry.speaker)).size < hosts.length) {
        context.addIssue({ code: 'custom', path: ['turns'], message: `every host speaks: ${hosts.join(', ')}` });
      }
    });
}
