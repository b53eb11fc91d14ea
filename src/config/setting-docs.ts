import type { Config } from './config-schema.js';

/** The heading a setting is listed under, in docs/configuration.md and .env.example. */
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export const SETTING_GROUPS = [
  'The model',
  'arXiv and Hugging Face',
  'Folders and publishing',
  'Choosing papers',
  'Styles and language',
  'Mail',
  'Chat channels',
  'The podcast',
  'Readers and the server',
] as const;

/** What a reader of the docs needs to know about one setting. */
export interface SettingDoc {
  group: SettingGroup;
  /** One or two sentences of markdown (backticks only: it is also written into .env.example). */
  description: string;
  /** The default as it would be written in .env; a test parses it with the schema and compares. */
  default?: string;
  /** What happens when the setting is unset, in words, where there is no fixed default to write. */
  whenUnset?: string;
}

/**
 * Every setting of ConfigSchema, documented once: docs/configuration.md's table and .env.example
 * are written from it by `npm run docs`, and test/config/setting-docs.test.ts checks all three
 * against the schema.
 */
export const SETTING_DOCS: Record<keyof Config, SettingDoc> = {
  // --- The model ---
  openaiApiKey: {
    group: 'The model',
    description: 'The API key of the model server; a secret, never printed or written.',
    whenUnset: 'required, unless `OPENAI_BASE_URL` points at a server that needs none (Ollama, vLLM)',
  },
  openaiBaseUrl: {
    group: 'The model',
    description: 'Any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio, OpenRouter), e.g. `http://127.0.0.1:11434/v1`; also serves the embeddings. A login in it (`http://user:pass@host/v1`) is sent as HTTP Basic auth and cannot be combined with `OPENAI_API_KEY`.',
    whenUnset: 'the OpenAI API',
  },
  model: {
    group: 'The model',
    description: 'The chat model that writes every style (`--model` overrides).',
    default: 'gpt-5-mini',
  },
  llmConcurrency: {
    group: 'The model',
    description: 'Papers at the model at once in a nightly run.',
    default: '4',
  },
  maxInputTokens: {
    group: 'The model',
    description: "Cap on the paper's tokens in one call, below the model's own context; set it to your server's `--max-model-len` or `num_ctx`.",
    whenUnset: "the model's context (32,768 tokens for a model the tool does not know)",
  },
  maxAttempts: {
    group: 'The model',
    description: 'Model calls per text when the answer is not valid JSON or breaks the schema (the first try included; at most 10).',
    default: '3',
  },
  llmTimeoutMs: {
    group: 'The model',
    description: 'Time limit of one model call, in milliseconds.',
    default: '180000',
  },
  maxRetryAfterMs: {
    group: 'The model',
    description: 'Longest `Retry-After` (arXiv, the model server, a chat service) waited for, in milliseconds; a longer one fails the request.',
    default: '60000',
  },
  prices: {
    group: 'The model',
    description: 'Extra or overriding prices as JSON, USD per million tokens: `{"my-model":{"input":0.2,"output":0.8,"cachedInput":0.05}}`; `cachedInput` is the price of prompt tokens the server read from its cache (default: the input price). A model without a price records a cost of null, and `--max-cost` refuses to run with it.',
    whenUnset: "the built-in table of OpenAI's models",
  },
  promptCacheKey: {
    group: 'The model',
    description: "Sends a `prompt_cache_key` per paper, so that all its calls (the brief, each style, repairs) reach the server's cache of the paper: `auto` sends it to OpenAI's own endpoint only, `on` to any server (vLLM and most OpenAI-compatible servers ignore it; a strict one refuses the request), `off` never.",
    default: 'auto',
  },
  batch: {
    group: 'The model',
    description: "`1`: the run's model calls go through the Batch API (`--batch`), billed at half the price and answered within 24 hours: each round (briefs and styles, then repairs) is one batch, polled until done; a killed or rerun job takes up the batches it recorded in the cache folder instead of paying again. `auto`: a nightly run with `SUMMARIZE_DEADLINE` goes through the Batch API when the deadline leaves time to send every call at once should the batch be late, and does so, keeping what the batch answered, once that time comes; without a deadline, calls go at once. The server must have the Batch API (OpenAI's does).",
    default: '0',
  },
  batchFollowUps: {
    group: 'The model',
    description: 'Through the Batch API, where repairs, grounding rounds and the podcast segments (which read the briefs) go: `next-batch` (half the price, a batch round more), or `at-once` (sent at once at the list price, so a run waits for one batch only).',
    default: 'next-batch',
  },
  deadline: {
    group: 'The model',
    description: "When a nightly run's model calls must be done, for `SUMMARIZE_BATCH=auto`, counted from the night's first attempt (a rerun keeps it): a time of day on this machine's clock (`06:30`, the one nearest that start, up to 12 hours either way, so a first start at 06:45 is late and sends at once; set `TZ` for another zone) or a duration after that start (`4h`, `90m`).",
    whenUnset: 'no deadline: `SUMMARIZE_BATCH=auto` sends the calls at once',
  },
  // --- arXiv and Hugging Face ---
  arxivApiUrl: {
    group: 'arXiv and Hugging Face',
    description: "arXiv's query API: metadata, in batches of 50, and `--date` listings.",
    default: 'https://export.arxiv.org/api/query',
  },
  arxivPdfUrl: {
    group: 'arXiv and Hugging Face',
    description: 'Where PDFs come from: `${ARXIV_PDF_URL}/<id>v<version>`.',
    default: 'https://arxiv.org/pdf',
  },
  arxivHtmlUrl: {
    group: 'arXiv and Hugging Face',
    description: "arXiv's HTML rendering, where the commentary's figures come from: `${ARXIV_HTML_URL}/<id>v<version>`.",
    default: 'https://arxiv.org/html',
  },
  arxivRssUrl: {
    group: 'arXiv and Hugging Face',
    description: "arXiv's announcement feed, read by `nightly --source arxiv` without `--date`: `${ARXIV_RSS_URL}/cs.LG+cs.CL`.",
    default: 'https://rss.arxiv.org/rss',
  },
  arxivMinIntervalMs: {
    group: 'arXiv and Hugging Face',
    description: "Milliseconds between arXiv requests, on one connection; arXiv's terms ask for 3 s.",
    default: '3000',
  },
  hfDailyPapersUrl: {
    group: 'arXiv and Hugging Face',
    description: "Hugging Face's daily papers API, the nightly run's default source.",
    default: 'https://huggingface.co/api/daily_papers',
  },
  pdfMaxBytes: {
    group: 'arXiv and Hugging Face',
    description: 'Largest PDF downloaded, in bytes; a larger one is refused without reading it whole.',
    default: '52428800',
  },
  pdfTimeoutMs: {
    group: 'arXiv and Hugging Face',
    description: 'Time limit of one PDF download, in milliseconds.',
    default: '120000',
  },
  // --- Folders and publishing ---
  outputDir: {
    group: 'Folders and publishing',
    description: 'The one folder of all state: briefs, editions, the web archive, run reports, mail records (`--out` overrides).',
    default: './output',
  },
  cacheDir: {
    group: 'Folders and publishing',
    description: 'Downloaded PDFs, extracted text, embeddings, figures, spoken chunks and briefs waiting for a full disk; safe to delete.',
    whenUnset: '`$XDG_CACHE_HOME/arxiv-brief`, or `~/.cache/arxiv-brief`',
  },
  promptsDir: {
    group: 'Folders and publishing',
    description: "The prompt files you edit (`system.md`, `brief.md`, `blurb.md`, …); a style's stored texts are written again when its prompt changes.",
    whenUnset: "the package's `prompts/` folder",
  },
  publicUrl: {
    group: 'Folders and publishing',
    description: "Where the output folder is published: the feeds' links, the podcast feed, link previews, and the email's links and images (https only). A `user:password@` in it is never published.",
    whenUnset: 'none: feed links are relative, the email links arXiv, there is no podcast feed',
  },
  // --- Choosing papers ---
  interestsPath: {
    group: 'Choosing papers',
    description: "The interests file that ranks a nightly run's candidates and an issue's papers (`--interests` overrides): a topic a line, `+term`, `-term`, arXiv IDs of example papers, `#` comments.",
    whenUnset: 'none: ranked by upvotes (Hugging Face) or in the source\'s order',
  },
  embeddingModel: {
    group: 'Choosing papers',
    description: "Embeddings for ranking by interests, through `OPENAI_BASE_URL`'s `/embeddings` and cached; `none` ranks by keywords (BM25).",
    default: 'text-embedding-3-small',
  },
  repeat: {
    group: 'Choosing papers',
    description: '`1`: a paper shown in full in an earlier edition is shown in full again (`--repeat`); `0`: it is listed under "Also on today\'s list", with no model call.',
    default: '0',
  },
  // --- Styles and language ---
  styles: {
    group: 'Styles and language',
    description: 'The styles each paper is written in, comma-separated: `brief`, `blurb`, `commentary`, `podcast` (`--style` overrides).',
    default: 'brief',
  },
  language: {
    group: 'Styles and language',
    description: 'The BCP 47 tag of the language every style is written in: `en`, `zh`, `es`, `de`, `fr`, `ja`, with their regions or scripts (`--language` overrides).',
    default: 'en',
  },
  // --- Mail ---
  smtpUrl: {
    group: 'Mail',
    description: 'The mail server for `send` and `nightly --send`: `smtps://user:password@host:465` or `smtp://host:25`, special characters percent-encoded (`@` is `%40`); a secret.',
    whenUnset: 'none: nothing is mailed',
  },
  mailFrom: {
    group: 'Mail',
    description: 'The sender, e.g. `arXiv Brief <brief@example.org>`.',
    whenUnset: 'none',
  },
  mailTo: {
    group: 'Mail',
    description: 'The readers, comma-separated (`send --to` overrides).',
    whenUnset: 'none',
  },
  mailSubject: {
    group: 'Mail',
    description: 'The subject of every edition, issue and empty-day note.',
    whenUnset: '`arXiv Brief — <date>: <n> papers` (an issue names its period: `September 2025`)',
  },
  mailUnsubscribe: {
    group: 'Mail',
    description: 'A `List-Unsubscribe` target, an https URL or a `mailto:` address, also linked in the footer.',
    whenUnset: 'none',
  },
  unsubscribeSecret: {
    group: 'Mail',
    description: "At least 16 characters (`openssl rand -hex 32`): with an https unsubscribe URL, each reader's link carries a token (HMAC-SHA256 of the address) and the mail offers one-click unsubscribe (RFC 8058). `summarize serve` needs it: it also signs confirmation and 👍/👎 links.",
    whenUnset: 'none',
  },
  dkimDomain: {
    group: 'Mail',
    description: 'DKIM-sign each copy for a relay that does not sign (RFC 8058 wants `List-Unsubscribe` under a signature): the signing domain, usually the domain of `SUMMARIZE_MAIL_FROM`. Set with `SUMMARIZE_DKIM_SELECTOR` and `SUMMARIZE_DKIM_KEY_FILE`, all three or none.',
    whenUnset: 'not signed here (a relay that signs, as most hosted ones do, needs none)',
  },
  dkimSelector: {
    group: 'Mail',
    description: 'The DKIM selector: the public key is published as a TXT record at `<selector>._domainkey.<domain>`.',
    whenUnset: 'not signed here',
  },
  dkimKeyFile: {
    group: 'Mail',
    description: 'The PEM file of the DKIM private key (`openssl genrsa -out dkim.pem 2048`); read when mail is sent, never printed.',
    whenUnset: 'not signed here',
  },
  notifyEmpty: {
    group: 'Mail',
    description: '`1`: `nightly --send` on a day without papers mails readers and posts to the chat channels a one-line note, once, instead of nothing.',
    default: '0',
  },
  // --- Chat channels ---
  webhooks: {
    group: 'Chat channels',
    description: 'Chat channels for the edition, comma-separated: Slack, Discord and Telegram URLs, or any JSON endpoint (`send --webhook` overrides); secrets.',
    whenUnset: 'none',
  },
  // --- The podcast ---
  podcastHosts: {
    group: 'The podcast',
    description: 'One host, or two taking turns as host and guest (`Alex,Sam`).',
    default: 'Alex',
  },
  podcastTop: {
    group: 'The podcast',
    description: 'Papers per episode, in rank order (`--podcast-top` overrides).',
    default: '5',
  },
  podcastTitle: {
    group: 'The podcast',
    description: "The show's name in the feed, the MP3's tags and the intro.",
    default: 'arXiv Brief',
  },
  podcastImage: {
    group: 'The podcast',
    description: 'The cover for podcast apps: a square PNG or JPEG, 1,400 to 3,000 px.',
    whenUnset: 'a generated 1,400 px square',
  },
  ttsModel: {
    group: 'The podcast',
    description: 'The speech model of the endpoint; `espeak-ng` speaks locally with eSpeak NG, whatever the endpoint.',
    default: 'gpt-4o-mini-tts',
  },
  ttsBaseUrl: {
    group: 'The podcast',
    description: 'An OpenAI-compatible speech endpoint (`/audio/speech`, e.g. Kokoro or Piper); the key is sent to it only when it is `OPENAI_BASE_URL` itself.',
    whenUnset: "OpenAI's own speech endpoint when `OPENAI_API_KEY` is set and `OPENAI_BASE_URL` is not; otherwise eSpeak NG",
  },
  ttsVoices: {
    group: 'The podcast',
    description: 'One voice per host, comma-separated.',
    whenUnset: "`alloy,onyx` on an endpoint; on eSpeak NG the language's voices (`en-us,en-gb` for English)",
  },
  ttsPrice: {
    group: 'The podcast',
    description: 'USD per million characters of speech, for a model the built-in table does not know.',
    whenUnset: 'the built-in table: `tts-1` 15, `tts-1-hd` 30, `gpt-4o-mini-tts` 15; eSpeak NG costs nothing',
  },
  // --- Readers and the server ---
  dataDir: {
    group: 'Readers and the server',
    description: "The private folder of `readers.sqlite`: readers, their sends and their votes (`summarize readers`, `summarize serve`). Keep it out of what you publish; it may not lie inside the output folder.",
    whenUnset: '`<output>-data` beside the output folder (`./output-data` for `./output`)',
  },
  bounceLimit: {
    group: 'Readers and the server',
    description: 'A reader whose address the mail server refuses for good (5xx on `RCPT TO`, such as 550) this many editions in a row is marked bounced and no longer mailed.',
    default: '3',
  },
  readerTop: {
    group: 'Readers and the server',
    description: "How many papers each reader's own copy picks for them from the day's candidates (by their 👍/👎, library and rules), first and in their order, then one \"outside your usual\" pick (five or more) or two (ten or more) in addition; the night briefs the union of every reader's picks, the shared picks first, so the cost grows with distinct papers, not readers. Needs `nightly --send` and the readers database.",
    whenUnset: "the edition's count (the shared picks, `--top`)",
  },
  learnHalfLifeDays: {
    group: 'Readers and the server',
    description: "How fast a reader's old taste fades from their own copy: a 👍/👎 or library item this many days old counts half as much as a new one.",
    default: '90',
  },
  serveHost: {
    group: 'Readers and the server',
    description: 'The address `summarize serve` listens on (`--host` overrides); keep it on loopback behind a reverse proxy that adds TLS.',
    default: '127.0.0.1',
  },
  servePort: {
    group: 'Readers and the server',
    description: 'The port `summarize serve` listens on (`--port` overrides; `0` picks a free one).',
    default: '8080',
  },
  subscribeLimitPerAddress: {
    group: 'Readers and the server',
    description: 'Confirmation mails the subscribe form sends one address in 24 hours; more requests get the same answer and no mail.',
    default: '3',
  },
  subscribeLimitPerClient: {
    group: 'Readers and the server',
    description: 'Subscribe requests one client address may make in an hour (behind a proxy on loopback, the address it forwards); more get 429.',
    default: '10',
  },
};
