// Schema versions, applied in order inside one transaction each; `user_version` records
// how far a file has come. Append new steps, never edit old ones.
import type { Database } from 'better-sqlite3'

/** 'GRLB': marks a file as ours, so a foreign SQLite file is never mistaken for a run store. */
export const APPLICATION_ID = 0x47524c42

const steps: string[] = [
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     note TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL,
     reason TEXT,
     config TEXT NOT NULL,
     created_at TEXT NOT NULL,
     started_at TEXT,
     finished_at TEXT,
     duration_ms INTEGER,
     owner_pid INTEGER,
     owner_host TEXT,
     heartbeat_at INTEGER,
     predictions TEXT,
     total_steps INTEGER NOT NULL,
     -- summary of the metrics, cached so listing 1,000 runs reads no metric rows
     steps INTEGER NOT NULL DEFAULT 0,
     final_loss REAL,
     final_train_acc REAL,
     final_test_acc REAL
   );
   CREATE INDEX runs_created ON runs(created_at);
   CREATE INDEX runs_status ON runs(status);
   CREATE TABLE metrics (
     run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     step INTEGER NOT NULL,
     loss REAL,
     lr REAL,
     train_acc REAL,
     test_acc REAL,
     PRIMARY KEY (run_id, step)
   ) WITHOUT ROWID;
   CREATE TABLE snapshots (
     run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     step INTEGER NOT NULL,
     has_params INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (run_id, step)
   ) WITHOUT ROWID;`,
  // a run's content hash (runfile/format.ts) finds an imported file's twin; imported runs keep
  // where they came from: when, the file's name, the run's id in the library it left
  `ALTER TABLE runs ADD COLUMN content_sha256 TEXT;
   ALTER TABLE runs ADD COLUMN imported_at TEXT;
   ALTER TABLE runs ADD COLUMN imported_file TEXT;
   ALTER TABLE runs ADD COLUMN imported_id INTEGER;
   CREATE INDEX runs_content ON runs(content_sha256);`,
  // an import writes its run hidden (staged = 1) and publishes it in its last transaction, so a
  // killed import leaves nothing visible, and the next open removes what it left. A run's
  // snapshot steps are listed from an index, without reading the snapshots' BLOB pages. Content
  // hashes now cover the whole run (runfile/format.ts): the old ones are recomputed when needed.
  `ALTER TABLE runs ADD COLUMN staged INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX snapshots_steps ON snapshots(run_id, has_params, step);
   UPDATE runs SET content_sha256 = NULL;`,
  // the playground's loss on its held-out points, per logged epoch (NULL for the other kinds);
  // a playground run whose weight was edited while paused is a branch of the run it left, and
  // its configuration lists the edits (none for the runs stored before)
  `ALTER TABLE metrics ADD COLUMN test_loss REAL;
   ALTER TABLE runs ADD COLUMN parent_id INTEGER REFERENCES runs(id) ON DELETE SET NULL;
   UPDATE runs SET config = json_set(config, '$.edits', json('[]')) WHERE kind = 'playground' AND json_extract(config, '$.edits') IS NULL;`
]

export const SCHEMA_VERSION = steps.length

export function migrate(db: Database): void {
  const from = db.pragma('user_version', { simple: true }) as number
  for (let v = from; v < steps.length; v++) {
    db.transaction(() => {
      db.exec(steps[v])
      db.pragma(`user_version = ${v + 1}`)
      db.pragma(`application_id = ${APPLICATION_ID}`)
    })()
  }
}
