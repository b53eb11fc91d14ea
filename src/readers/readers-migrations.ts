/**
 * The readers database's schema, one numbered step at a time: step N brings a database at version N-1 (SQLite's
 * `user_version`) to N. Steps are only ever appended, never edited: a database made by an older release is brought
 * up to date by the steps it lacks.
 */
export const READERS_MIGRATIONS: readonly string[] = [
  // 1: readers and each reader's outcome per mailing (an edition, its note, an issue).
  `CREATE TABLE readers (
     id INTEGER PRIMARY KEY,
     address TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL DEFAULT '',
     language TEXT NOT NULL DEFAULT 'en',
     state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'unsubscribed', 'bounced')),
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE sends (
     reader_id INTEGER NOT NULL REFERENCES readers(id) ON DELETE CASCADE,
     mailing TEXT NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'deferred', 'uncertain', 'failed')),
     message_id TEXT NOT NULL,
     subject TEXT NOT NULL,
     at TEXT NOT NULL,
     accepted_copies INTEGER NOT NULL CHECK (accepted_copies >= 0),
     reason TEXT,
     PRIMARY KEY (reader_id, mailing)
   );
   CREATE INDEX sends_by_mailing ON sends (mailing);`,
  // 2: readers' votes on papers, from the 👍/👎 links of their email.
  `CREATE TABLE votes (
     reader_id INTEGER NOT NULL REFERENCES readers(id) ON DELETE CASCADE,
     paper_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     at TEXT NOT NULL,
     PRIMARY KEY (reader_id, paper_id)
   );
   CREATE INDEX votes_by_paper ON votes (paper_id);`,
  // 3: each reader's own library (imported from Zotero and the like) and their rules: keywords never shown, authors always.
  `CREATE TABLE library_items (
     reader_id INTEGER NOT NULL REFERENCES readers(id) ON DELETE CASCADE,
     position INTEGER NOT NULL,
     title TEXT NOT NULL,
     abstract TEXT NOT NULL,
     authors TEXT NOT NULL, -- a JSON array of names
     arxiv_id TEXT,
     added_at TEXT,
     PRIMARY KEY (reader_id, position)
   );
   CREATE TABLE reader_rules (
     reader_id INTEGER NOT NULL REFERENCES readers(id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('never', 'follow')),
     value TEXT NOT NULL,
     PRIMARY KEY (reader_id, kind, value)
   );`,
];
