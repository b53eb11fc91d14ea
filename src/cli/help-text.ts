export const HELP_TEXT = `summarize: arXiv papers to newsletter-ready briefs

Usage
  summarize <arxiv-id>... [--json] [--model M] [--out DIR] [--force] [--quiet]
  summarize nightly [--date YYYY-MM-DD] [--source hf|arxiv] [--category C]... [--ids-file F|-]
                    [--limit N] [--max-cost USD] [--dry-run] [--model M] [--out DIR] [--force] [--quiet]
  summarize digest --date YYYY-MM-DD [--out DIR]
  summarize text <arxiv-id | file.pdf>... [--stats]
  summarize doctor [--json] [--timeout SECONDS]

IDs: 2509.08721, 2509.08721v2, arXiv:2509.08721, hep-th/9108004,
     https://arxiv.org/abs/2509.08721, https://arxiv.org/pdf/2509.08721v1

Options
  --json       print the JSON briefs instead of markdown
  --model M    the LLM model (default: SUMMARIZE_MODEL or gpt-5-mini)
  --out DIR    the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --force      summarize again even when a brief for this version, model and prompts exists
  --quiet      print errors only
  -h, --help   this text;  -v, --version  the version

Exit codes: 0 ok, 1 failure, 2 usage error, 3 some papers of a batch failed, 130 interrupted.
Configuration: environment variables or .env; see .env.example.
`;

/** Each command's own usage, printed for `summarize <command> --help` (or `-h`). */
export const COMMAND_HELP = {
  summarize: `summarize <arxiv-id>... [--json] [--model M] [--out DIR] [--force] [--quiet]

Briefs each paper (five-point summary, critique, quiz, flowchart), writes
<out>/papers/<id>v<n>.json and .md, and prints the markdown (or the JSON) on stdout.

  --json       print the JSON briefs instead of markdown
  --model M    the LLM model (default: SUMMARIZE_MODEL or gpt-5-mini)
  --out DIR    the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --force      summarize again even when a brief for this version, model and prompts exists
  --quiet      print errors only

Exit codes: 0 ok, 1 a paper failed, 2 usage error. Run \`summarize --help\` for every command.
`,
  nightly: `summarize nightly [--date YYYY-MM-DD] [--source hf|arxiv] [--category C]... [--ids-file F|-]
                  [--limit N] [--max-cost USD] [--dry-run] [--model M] [--out DIR] [--force] [--quiet]

Summarizes the day's papers in a pipeline, then writes the digest and a run report (<out>/runs/).

  --date D         the day whose papers to take (default: today, UTC)
  --source S       hf (Hugging Face daily papers, the default) or arxiv (needs --category)
  --category C     an arXiv category for --source arxiv, e.g. cs.LG; repeat for several
  --ids-file F     take the IDs from a file (- for stdin): one ID or URL a line, # comments
  --limit N        at most N papers
  --max-cost USD   stop starting new papers past this spend
  --dry-run        download and extract only; print tokens and estimated cost, no LLM call
  --model M, --out DIR, --force, --quiet   as for \`summarize <arxiv-id>\`

Exit codes: 0 ok, 1 failure, 2 usage error, 3 some papers failed, 130 interrupted.
`,
  digest: `summarize digest --date YYYY-MM-DD [--out DIR]

Rebuilds the day's digest, HTML edition and feeds from the stored briefs; no network, no LLM call.

  --date D     the day to rebuild (required)
  --out DIR    the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
`,
  text: `summarize text <arxiv-id | file.pdf>... [--stats]

Prints the cleaned text the model would read, for checking extraction.

  --stats      print a table of pages, characters, tokens and what cleaning removed instead
`,
  doctor: `summarize doctor [--json] [--timeout SECONDS]

Checks the configuration, the output and cache folders, the prompt files, the arXiv API,
the arXiv PDF host and the LLM endpoint, one line each (✓ ok, ! warning, ✗ failed).
Exit code 0 when nothing failed (warnings allowed), 1 otherwise.

  --json           print the results as JSON on stdout (the lines go to stderr)
  --timeout S      time limit of each network check, in seconds (default: 10)
`,
} as const;
