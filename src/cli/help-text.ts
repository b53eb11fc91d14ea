export const HELP_TEXT = `summarize: arXiv papers to newsletter-ready briefs

Usage
  summarize <arxiv-id>... [--json] [--model M] [--out DIR] [--force] [--quiet]
  summarize nightly [--date YYYY-MM-DD] [--source hf|arxiv] [--category C]... [--ids-file F|-]
                    [--announce TYPES] [--interests F] [--rank interests|upvotes|source] [--top N]
                    [--limit N] [--max-cost USD] [--dry-run] [--model M] [--out DIR] [--force] [--quiet]
  summarize digest --date YYYY-MM-DD|yesterday|today [--out DIR]
  summarize send [--date YYYY-MM-DD|yesterday|today] [--to a@x.org,b@y.org] [--dry-run] [--resend]
                 [--out DIR] [--quiet]      mail the day's edition once (see summarize send --help)
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
  --dry-run          prints the ranked candidates first, then estimates the selected papers

Exit codes: 0 ok, 1 failure, 2 usage error, 3 some papers of a batch failed, 130 interrupted.
Configuration: environment variables or .env; see .env.example.
`;
