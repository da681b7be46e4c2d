#include "store/migrations.h"

namespace dateline {

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {
      // 0 -> 1: the foundation schema.
      R"sql(
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT, outlet TEXT, title TEXT, published TEXT, language TEXT,
        duplicate_of TEXT, story TEXT, storyline TEXT,
        json TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
      CREATE INDEX documents_id ON documents(id);
      CREATE INDEX documents_story ON documents(story);
      CREATE INDEX documents_storyline ON documents(storyline);
      CREATE TABLE rejects (
        input TEXT NOT NULL, reason TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
        PRIMARY KEY (input, reason));
      CREATE TABLE template_lines (
        site TEXT NOT NULL, line_hash INTEGER NOT NULL, pages INTEGER NOT NULL,
        PRIMARY KEY (site, line_hash));
      CREATE TABLE stories (id TEXT PRIMARY KEY, storyline TEXT, title TEXT,
        first_date TEXT, last_date TEXT, json TEXT NOT NULL);
      CREATE TABLE storylines (id TEXT PRIMARY KEY, title TEXT,
        first_date TEXT, last_date TEXT, json TEXT NOT NULL);
      CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
        PRIMARY KEY (kind, id));
      )sql",
      // 1 -> 2 (serve): full-text index over documents for /api/search. Row id =
      // documents.seq; entities = entity names and variants, types = event types.
      R"sql(
      CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, outlet, entities, types,
        tokenize='porter unicode61 remove_diacritics 2');
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text, outlet, entities, types) VALUES (
          new.seq, new.title, json_extract(new.json, '$.text'), new.outlet,
          (SELECT group_concat(json_extract(e.value, '$.name') || ' ' ||
                  coalesce((SELECT group_concat(v.value, ' ') FROM json_each(e.value, '$.variants') v), ''), ' ')
             FROM json_each(new.json, '$.entities') e),
          (SELECT group_concat(json_extract(v.value, '$.type'), ' ') FROM json_each(new.json, '$.events') v));
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.seq;
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF json, title, outlet ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.seq;
        INSERT INTO documents_fts(rowid, title, text, outlet, entities, types) VALUES (
          new.seq, new.title, json_extract(new.json, '$.text'), new.outlet,
          (SELECT group_concat(json_extract(e.value, '$.name') || ' ' ||
                  coalesce((SELECT group_concat(v.value, ' ') FROM json_each(e.value, '$.variants') v), ''), ' ')
             FROM json_each(new.json, '$.entities') e),
          (SELECT group_concat(json_extract(v.value, '$.type'), ' ') FROM json_each(new.json, '$.events') v));
      END;
      INSERT INTO documents_fts(rowid, title, text, outlet, entities, types)
        SELECT seq, title, json_extract(json, '$.text'), outlet,
          (SELECT group_concat(json_extract(e.value, '$.name') || ' ' ||
                  coalesce((SELECT group_concat(v.value, ' ') FROM json_each(e.value, '$.variants') v), ''), ' ')
             FROM json_each(documents.json, '$.entities') e),
          (SELECT group_concat(json_extract(v.value, '$.type'), ' ') FROM json_each(documents.json, '$.events') v)
        FROM documents;
      )sql",
      // 2 -> 3: the full-text row of a new document is written by
      // Store::CommitBatch from the document it has in memory; the trigger
      // parsed the stored JSON three times per insert.
      R"sql(
      DROP TRIGGER documents_fts_insert;
      )sql",
  };
  return kMigrations;
}

}  // namespace dateline
