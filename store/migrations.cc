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
  };
  return kMigrations;
}

}  // namespace dateline
