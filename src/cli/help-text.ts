/**
 * Each command's own help, printed for `summarize <command> --help` (or `-h`). Its first paragraph,
 * the usage, is also the command's entry in `summarize --help`, so the two never differ; a test
 * checks that it names every flag the command accepts and no other.
 */
export const COMMAND_HELP = {
  summarize: `summarize <arxiv-id>... [--json] [--style S] [--language L] [--model M] [--out DIR] [--force]
                        [--batch] [--quiet]

Briefs each paper (five-point summary, critique, quiz, flowchart), writes
<out>/papers/<id>v<n>.json and .md, and prints the markdown (or the JSON) on stdout.

  --json       print the briefs as one JSON array instead of markdown, even for one ID (jq '.[]')
  --style S    styles, comma-separated: brief, blurb, commentary, podcast (default: SUMMARIZE_STYLES or brief);
               the brief is always written, the others from it
  --language L the language to write in, a BCP 47 tag of en, zh, es, de, fr, ja (default: SUMMARIZE_LANGUAGE or en)
  --model M    the LLM model (default: SUMMARIZE_MODEL or gpt-5-mini)
  --out DIR    the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --force      summarize again even when a brief for this version, model and prompts exists
  --batch      send the model calls through the Batch API: half the price, answered within 24 hours;
               a rerun takes up the batches recorded in the cache folder (default: SUMMARIZE_BATCH)
  --quiet      print errors only

Exit codes: 0 ok, 1 a paper failed, 2 usage error. Run \`summarize --help\` for every command.
`,
  nightly: `summarize nightly [--date YYYY-MM-DD|yesterday|today | --month YYYY-MM | --week YYYY-Www]
                  [--source hf|arxiv] [--category C]... [--ids-file F|-] [--announce TYPES]
                  [--interests F] [--rank interests|upvotes|source] [--top N] [--repeat] [--limit N]
                  [--max-cost USD] [--dry-run] [--send] [--podcast] [--style S] [--language L]
                  [--batch] [--model M] [--out DIR] [--force] [--quiet]

Summarizes the day's papers in a pipeline, then publishes the edition (digest, web and email
editions, archive, feeds) and writes a run report (<out>/runs/).

  --date D         the day whose papers to take: YYYY-MM-DD, yesterday or today (default: today, UTC)
  --month YYYY-MM, --week YYYY-Www   brief Hugging Face's list of a whole month or ISO week (ranked
                   and cut by --top as a day is) for \`summarize issue\`; no daily edition, no mail
  --source S       hf (Hugging Face daily papers, the default) or arxiv (needs --category); arxiv
                   without --date reads the latest announcement (the "new" list), dated by it
  --category C     an arXiv category for --source arxiv, e.g. cs.LG; repeat for several
  --ids-file F     take the IDs from a file (- for stdin): one ID or URL a line, # comments
  --announce T     announcement kinds: new, cross, replace, replace-cross (default new)
  --interests F    interests file (or SUMMARIZE_INTERESTS): a topic a line, +term, -term, arXiv IDs
  --rank M         interests, upvotes or source (default: interests with a file, upvotes for hf)
  --top N          keep the N best after ranking; the rest get no PDF request and no model call
  --repeat         show papers shown in full in an earlier edition in full again (default: SUMMARIZE_REPEAT);
                   without it they are listed under "Also on today's list", linking their brief, with no
                   model call and no place in --top
  --limit N        at most N papers
  --max-cost USD   stop starting new papers past this spend
  --dry-run        print the ranked candidates, then download and extract only: tokens and
                   estimated cost, no LLM call
  --send           mail the edition once it is written, and post it to every chat channel (see \`summarize send --help\`)
                   (a day without papers: nothing, or a one-line note with SUMMARIZE_NOTIFY_EMPTY=1)
  --podcast        make the day's episode and podcast feed after publishing (see \`summarize podcast --help\`)
  --style S        styles, comma-separated: brief, blurb, commentary, podcast (default: SUMMARIZE_STYLES or brief);
                   the edition shows the first listed when it is blurb or commentary, else the brief
  --batch          send the model calls through the Batch API at half the price (for --month, --week,
                   --ids-file backfills, or a night with a day to spare); --dry-run --batch estimates at that price
  --language L, --model M, --out DIR, --force, --quiet   as for \`summarize <arxiv-id>\`

Exit codes: 0 ok, 1 failure, 2 usage error, 3 some papers failed, 130 interrupted.
`,
  digest: `summarize digest --date YYYY-MM-DD|yesterday|today [--style S] [--language L] [--out DIR] [--quiet]

Rebuilds the day's digest, web and email editions, paper pages, archive and feeds from the stored
files; no network, no LLM call.

  --date D      the day to rebuild (required)
  --style S     show the edition in this style, from the texts stored for the day: the first listed if it
                is blurb or commentary, else the brief (default: the style it was published in)
  --language L  rebuild it from the briefs in this language (default: the language it was published in)
  --out DIR     the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --quiet       print warnings and errors only
`,
  send: `summarize send [--date YYYY-MM-DD|yesterday|today | --issue YYYY-MM|YYYY-Www [--language L]] [--to a@x.org,b@y.org]
               [--webhook URL]... [--mail-only | --channels-only] [--dry-run] [--resend [all]] [--status] [--out DIR] [--quiet]

Mails the day's edition (digests/<date>.email.html and .txt, written again from the stored briefs)
through SMTP_URL, from SUMMARIZE_MAIL_FROM to SUMMARIZE_MAIL_TO. Each edition goes to each address
once: mail/<date>.sent.jsonl records each reader's outcome as it happens (accepted, rejected,
deferred, failed, uncertain); a second send mails only the readers never tried, deferred or failed.
Chat channels (SUMMARIZE_WEBHOOKS or --webhook: Slack, Discord, Telegram, JSON) get the edition too,
once each (mail/<date>.channels.json). Mail goes when recipients are set, channels when webhooks are.

  --date D           the edition's day (default: today, UTC)
  --issue P          the issue of a month or week (\`summarize issue\`) instead of a day's edition; mail only (mail/issue-<P>.sent.jsonl)
  --language L       with --issue: the issue in this language (default: SUMMARIZE_LANGUAGE); each language's issue is mailed on its own
  --to LIST          recipients instead of SUMMARIZE_MAIL_TO, comma-separated
  --webhook URL      a chat channel instead of SUMMARIZE_WEBHOOKS (repeatable; slack+/discord+/telegram+/json+ name the service)
  --mail-only        mail, no channels          --channels-only   channels, no mail
  --dry-run          write mail/<date>.eml and print subject, recipients and sizes; no SMTP, no post
  --resend [all]     also the readers whose copy may have gone out (uncertain); with all, every reader again
  --status           each reader's outcome, named by id (no addresses); sends nothing
  --out DIR          the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --quiet            print errors only

Exit codes: 0 sent (or already sent), 1 not sent, 3 some readers rejected, deferred, not reached or in
doubt, or a chat channel failed.
`,
  podcast: `summarize podcast --date YYYY-MM-DD|yesterday|today [--podcast-top N] [--max-cost USD] [--dry-run]
                  [--model M] [--out DIR] [--quiet]

Makes (or remakes) the day's podcast episode from its stored edition: a segment per paper for the
top papers in rank order (written once by the model from the brief and the paper's text, then
reused), spoken by the speech endpoint (SUMMARIZE_TTS_MODEL) or eSpeak NG, as audio/<date>.mp3 with
a chapter per paper and audio/<date>.txt; then podcast.xml (needs SUMMARIZE_PUBLIC_URL) and the
day's pages with a player. Spoken chunks are cached: a rerun pays only for what is missing.

  --date D          the edition's day (required)
  --podcast-top N   papers in the episode (default: SUMMARIZE_PODCAST_TOP or 5)
  --max-cost USD    stop paying for segments and speech past this spend
  --dry-run         print what the segments and the speech would cost; nothing is made
  --model M, --out DIR, --quiet   as for \`summarize <arxiv-id>\`

Exit codes: 0 done, 1 no episode, 3 made without a paper whose segment failed.
`,
  issue: `summarize issue --month YYYY-MM | --week YYYY-Www [--top N] [--style blurb|commentary] [--language L]
                [--dry-run] [--batch] [--model M] [--out DIR] [--quiet]

An issue for a month or an ISO week, in prose: a one-paragraph introduction on the period's themes,
then each paper's title, link and text in the style, closed by who wrote it and when. Built from the
briefs already stored for the period (the daily editions dated in it, and what \`nightly --month\` or
\`--week\` collected), ranked by the interests file when there is one, else by upvotes, else by date.
Only missing texts and the introduction cost model calls (a paper's text comes from the cache); the
same papers, model and prompts again cost nothing. Writes issues/<period>.md, .html (the web
page), .email.html and .txt (the mail edition), as issues/<period>.<language>.* unless English, so
each language keeps its issue; \`summarize send --issue <period>\` mails it once. Once mailed, an
issue is not rewritten with other papers or in another style (exit 1, nothing bought).

  --month YYYY-MM     a calendar month, e.g. 2025-09
  --week YYYY-Www     an ISO week (Monday to Sunday), e.g. 2025-W37
  --top N             papers in the issue (default 10)
  --style S           blurb (default) or commentary
  --dry-run           print what the missing texts and the introduction would cost; nothing is written
  --batch             write the missing texts through the Batch API at half the price (the introduction at once)
  --language L, --model M, --out DIR, --quiet   as for \`summarize <arxiv-id>\`

Exit codes: 0 written, 1 no briefs stored for the period, 2 usage error, 3 written without a paper whose text failed.
`,
  text: `summarize text <arxiv-id | file.pdf>... [--stats] [--quiet]

Prints the cleaned text the model would read, for checking extraction.

  --stats      print a table of pages, characters, tokens and what cleaning removed instead
  --quiet      accepted as by every command; text prints only errors on stderr anyway
`,
  doctor: `summarize doctor [--json] [--timeout SECONDS] [--quiet]

Checks the configuration, the model's price, the output and cache folders, the prompt files, the
interests file (when set), the arXiv API, PDF host and announcement feed, Hugging Face's daily
papers, the LLM endpoint, the readers database (opens, migrates, writable) and, when set, the SMTP
login (no message is sent), each chat channel (nothing is posted) and SUMMARIZE_PUBLIC_URL's
/healthz (\`summarize serve\`); one line each (✓ ok, ! warning, ✗ failed).
Exit code 0 when nothing failed (warnings allowed), 1 otherwise.

  --json           print the results as JSON on stdout (the lines go to stderr)
  --timeout S      time limit of each network check, in seconds (default: 10)
  --quiet          print only warnings and failures, and the summary when something failed
`,
  readers: `summarize readers add ADDRESS [--name N] [--language L] | remove ADDRESS | list [--state S]
                  | import FILE.csv|- | export [--votes] | library ADDRESS FILE
                  | never|follow ADDRESS [KEYWORD|AUTHOR] [--remove] | explain ADDRESS PAPER
                  [--out DIR] [--quiet]

The newsletter's readers, kept in readers.sqlite in the data folder (SUMMARIZE_DATA_DIR, default
<out>-data, never published) with each reader's sends, votes, library and rules. Without
SUMMARIZE_MAIL_TO (or --to), \`summarize send\` mails the database's active readers; whatever the
list, a reader who unsubscribed or bounced is never mailed.

  add ADDRESS      add an active reader (an address already there is left as it is)
  --name N         with add: the reader's name, used in To:
  --language L     with add: the language of their pages, a BCP 47 tag of en, zh, es, de, fr, ja (default: SUMMARIZE_LANGUAGE)
  remove ADDRESS   forget a reader: their row, sends, votes, library and rules are deleted
  list             one reader a line: address, state, language, date added, name
  --state S        with list: only pending, active, unsubscribed or bounced readers
  import FILE      add the readers of a CSV file (- for stdin): address,name,language a line, or a file
                   from export (its state column is kept); all or nothing
  export           every reader as CSV on stdout (address,name,language,state,added)
  --votes          with export: each reader's last vote on each paper instead (address,paper,vote,at)
  library ADDRESS FILE
                   set the papers the reader keeps, which rank their own copy with their votes: a BibTeX,
                   RIS, CSL JSON or Zotero RDF export (Zotero, JabRef) up to 50 MB; a new file replaces
                   the last one
  never ADDRESS KEYWORD
                   never show the reader a paper matching KEYWORD; without KEYWORD, list theirs
  follow ADDRESS AUTHOR
                   always show the reader a paper by AUTHOR; without AUTHOR, list whom they follow
  --remove         with never or follow: remove the keyword or author instead
  explain ADDRESS PAPER
                   why PAPER (an arXiv ID) scored what it did in the reader's own copy: shared score
                   and reason, model score, blend weight, nearest liked paper, rule, rank in their copy
  --out DIR        the output folder, beside which the data folder lies (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --quiet          print errors only
`,
  serve: `summarize serve [--host H] [--port P] [--out DIR] [--quiet]

A small HTTP server for readers, to run behind a reverse proxy that adds TLS: the output folder's
published files (not mail/, runs/ or the data folder), one-click unsubscribe (RFC 8058), a subscribe
form whose confirmation link expires in 48 hours, 👍/👎 feedback on papers and GET /healthz.
Links are signed with SUMMARIZE_UNSUBSCRIBE_SECRET; confirmation mail goes through SMTP_URL.
Logs one line a request (no addresses, no tokens); stops cleanly on SIGTERM or Ctrl-C.

  --host H         the address to listen on (default: SUMMARIZE_SERVE_HOST or 127.0.0.1)
  --port P         the port (default: SUMMARIZE_SERVE_PORT or 8080; 0 picks a free one)
  --out DIR        the output folder to serve (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --quiet          log errors only, not each request
`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

/** What each command is for, in one line under its usage in `summarize --help`. */
const COMMAND_SUMMARIES: Record<CommandName, string> = {
  summarize: 'brief each paper and print it',
  nightly: "the day's papers, ranked and briefed: the edition, the archive, a run report",
  digest: "rebuild a day's edition and the archive from the stored briefs",
  send: "mail the day's edition (or an issue) once, and post it to chat channels",
  podcast: "the day's episode and podcast.xml",
  issue: "the period's issue in prose",
  text: 'the cleaned text the model would read',
  doctor: 'check the configuration, the folders and every server',
  readers: 'add, remove, list, import and export the readers database; each reader\'s library, rules and why a paper ranks in their copy',
  serve: 'the server for readers: the archive, subscribe, unsubscribe and feedback',
};

export const HELP_TEXT = `summarize: arXiv papers to newsletter-ready briefs

Usage
${(Object.keys(COMMAND_HELP) as CommandName[]).map(renderUsageEntry).join('\n')}

IDs: 2509.08721, 2509.08721v2, arXiv:2509.08721, hep-th/9108004,
     https://arxiv.org/abs/2509.08721, https://arxiv.org/pdf/2509.08721v1

Options
  --json       print the briefs as one JSON array instead of markdown, even for one ID (jq '.[]')
  --model M    the LLM model (default: SUMMARIZE_MODEL or gpt-5-mini)
  --out DIR    the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --force      summarize again even when a brief for this version, model and prompts exists
  --style S    styles, comma-separated: brief, blurb, commentary, podcast (default: SUMMARIZE_STYLES or brief)
  --language L the language to write in, a BCP 47 tag of en, zh, es, de, fr, ja (default: SUMMARIZE_LANGUAGE or en)
  --quiet      print errors only
  -h, --help   this text, or a command's own (summarize nightly --help);  -v, --version  the version

Choosing the day's papers (nightly)
  --source arxiv --category C...   without --date: arXiv's latest announcement (the "new" list, from
                                   ARXIV_RSS_URL), dated by the announcement; with --date: papers
                                   submitted that day (query API), for past days
  --announce TYPES   announcement kinds, comma-separated: new, cross, replace, replace-cross (default new)
  --interests F      interests file (or SUMMARIZE_INTERESTS): a topic in words a line, +term boosts,
                     -term drops, an arXiv ID adds an example paper, # comments
  --rank M           interests (embeddings; BM25 when SUMMARIZE_EMBEDDING_MODEL=none), upvotes
                     (Hugging Face) or source; default: interests with a file, upvotes for hf, else source
  --top N            keep the N best after ranking: the rest get no PDF request and no model call
  --repeat           show a paper in full again although an earlier edition did (or SUMMARIZE_REPEAT=1);
                     by default it is listed under "Also on today's list" with a link to its brief
  --dry-run          prints the ranked candidates first, then estimates the selected papers

Exit codes: 0 ok, 1 failure, 2 usage error, 3 some papers of a batch failed, 130 interrupted.
Configuration: environment variables or .env; see .env.example.
`;

// --- internal ---

// A command's usage paragraph, indented under "Usage", then its one-line summary.
function renderUsageEntry(command: CommandName): string {
  const usage = COMMAND_HELP[command].split('\n\n')[0]!;
  return `${usage.replace(/^/gm, '  ')}\n      ${COMMAND_SUMMARIES[command]}`;
}
