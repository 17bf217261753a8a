// The SQLite sink: the tables of tables.h in one database file (schema: docs/sqlite.md).
// WAL mode and transactions of whole calls (grouped: at most kGroupCalls calls or kGroupTime,
// and committed whenever the batch waits), so a killed batch leaves finished calls and none
// half-written; calls are keyed by content sha256, which is how a re-run knows what to skip.
// Grouping matters: a commit per call made writing cost as much as analyzing (tools/bench).
#include <sqlite3.h>

#include <chrono>
#include <mutex>
#include <vector>

#include "report/report.h"
#include "report/tables.h"

namespace callscope::report {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

constexpr int kGroupCalls = 256;
constexpr auto kGroupTime = std::chrono::seconds(2);

std::string ColumnsSql(const Table& t) {
  std::string sql = "CREATE TABLE IF NOT EXISTS " + std::string(t.name) + " (\n";
  if (std::string_view(t.name) == "calls") sql += "  id INTEGER PRIMARY KEY,\n";
  else if (t.rows) sql += "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,\n";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    sql += "  " + std::string(t.columns[i].name) + " " + t.columns[i].type;
    if (i + 1 < t.columns.size() || *t.constraints) sql += ",\n";
  }
  if (*t.constraints) sql += "  " + std::string(t.constraints);
  // A table keyed by (call_id, ...) is stored by that key: no rowid b-tree beside the key's index.
  bool keyed = std::string_view(t.constraints).starts_with("PRIMARY KEY");
  return sql + (keyed ? "\n) WITHOUT ROWID;\n" : "\n);\n");
}

// "ticker, fiscal_year" on calls -> CREATE INDEX calls_by_ticker_fiscal_year ON calls (ticker, fiscal_year)
std::string IndexSql(const Table& t, const char* cols) {
  std::string name = std::string(t.name) + "_by_";
  for (const char* c = cols; *c; ++c)
    if (*c == ',') name += '_';
    else if (*c != ' ') name += *c;
  return "CREATE INDEX IF NOT EXISTS " + name + " ON " + t.name + " (" + cols + ");\n";
}

class SqliteSink : public Sink {
 public:
  SqliteSink(std::string path, Db db) : path_(std::move(path)), db_(std::move(db)) {}
  ~SqliteSink() override { Commit(); }  // interrupted: keep the complete calls of the group

  Status Init() {
    sqlite3_busy_timeout(db_.get(), 60000);
    // Foreign keys are not checked on write: the rows are consistent by construction (tests/cli/batch
    // runs foreign_key_check), and the checks cost a sixth of the writing time (docs/sqlite.md).
    // WAL: readers (the skip check) never block the writer; NORMAL sync is still crash-safe
    // for the database's consistency (a power cut may lose the last few calls, never corrupt).
    // 16 KiB pages (set before WAL, on a new file) and a 16 MiB cache: a call's rows are a few
    // pages, not dozens of 4 KiB writes, and a group is written once, not spilled mid-way.
    if (Status s = Exec("PRAGMA page_size=16384; PRAGMA cache_size=-16384; PRAGMA journal_mode=WAL; "
                        "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
        !s.ok())
      return s;
    int version = 0;
    if (Status s = QueryInt("PRAGMA user_version", &version); !s.ok()) return s;
    if (version != 0 && version != kSchemaVersion)
      return Fail("database has schema version " + std::to_string(version) + "; this callscope writes version " +
                  std::to_string(kSchemaVersion) + " (use a new --db file)");
    std::string ddl = "BEGIN;\n";
    for (const Table& t : Tables()) {
      ddl += ColumnsSql(t);
      for (const char* cols : t.indexes) ddl += IndexSql(t, cols);
    }
    ddl += "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n";
    ddl += "INSERT OR REPLACE INTO meta VALUES ('schema_version', '" + std::to_string(kSchemaVersion) + "');\n";
    ddl += "PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";\nCOMMIT;";
    if (Status s = Exec(ddl.c_str()); !s.ok()) return s;
    int stored = 0;
    if (Status s = QueryInt("SELECT count(*) FROM calls", &stored); !s.ok()) return s;
    resuming_ = stored > 0;

    for (const Table& t : Tables()) {
      std::string sql = "INSERT INTO " + std::string(t.name) + " VALUES (";
      size_t n = t.columns.size() + (t.rows ? 1 : 0);
      for (size_t i = 0; i < n; ++i) sql += i ? ",?" : "?";
      sql += ")";
      if (!t.rows) sql = "INSERT OR REPLACE" + sql.substr(6);
      inserts_.push_back(Prepare(sql.c_str()));
      if (!inserts_.back()) return Fail("prepare");
    }
    find_ = Prepare("SELECT id FROM calls WHERE sha256 = ?");
    clear_error_ = Prepare("DELETE FROM errors WHERE path = ?");
    if (!find_ || !clear_error_) return Fail("prepare");
    return Status::Ok();
  }

  Status Write(const Analysis& a) override {
    if (!in_tx_) {
      if (Status s = Exec("BEGIN"); !s.ok()) return s;
      in_tx_ = true;
      tx_calls_ = 0;
      tx_start_ = std::chrono::steady_clock::now();
    }
    Status s = Insert(a);
    if (!s.ok()) {  // the group is dropped whole; a re-run redoes it
      Exec("ROLLBACK");
      in_tx_ = false;
      return s;
    }
    if (++tx_calls_ >= kGroupCalls || std::chrono::steady_clock::now() - tx_start_ >= kGroupTime) return Commit();
    return Status::Ok();
  }

  Status Flush() override { return Commit(); }

 private:
  Status Commit() {
    if (!in_tx_) return Status::Ok();
    in_tx_ = false;
    return Exec("COMMIT");
  }

  Status Insert(const Analysis& a) {
    sqlite3_stmt* f = find_.get();
    sqlite3_reset(f);
    sqlite3_bind_text(f, 1, a.source.sha256.data(), static_cast<int>(a.source.sha256.size()), SQLITE_STATIC);
    bool present = sqlite3_step(f) == SQLITE_ROW;
    sqlite3_reset(f);
    if (!present) {  // the same content twice (two paths, or a re-run): stored once, first path kept
      const auto& tables = Tables();
      int64_t call_id = 0;
      for (size_t ti = 0; ti < tables.size(); ++ti) {
        const Table& t = tables[ti];
        if (!t.rows) continue;
        sqlite3_stmt* st = inserts_[ti].get();
        bool is_calls = ti == 0;
        Status err;
        t.rows(a, [&](const std::vector<Value>& row) {
          if (!err.ok()) return;
          sqlite3_reset(st);
          int col = 1;
          if (is_calls) sqlite3_bind_null(st, col++);
          else sqlite3_bind_int64(st, col++, call_id);
          for (const Value& v : row) Bind(st, col++, v);
          if (sqlite3_step(st) != SQLITE_DONE) err = Fail(std::string("insert into ") + t.name);
        });
        if (!err.ok()) return err;
        if (is_calls) call_id = sqlite3_last_insert_rowid(db_.get());
      }
      sqlite3_stmt* c = clear_error_.get();
      sqlite3_reset(c);
      sqlite3_bind_text(c, 1, a.source.path.data(), static_cast<int>(a.source.path.size()), SQLITE_STATIC);
      if (sqlite3_step(c) != SQLITE_DONE) return Fail("delete from errors");
    }
    return Status::Ok();
  }

 public:

  Status WriteError(const std::string& path, const Status& error) override {
    sqlite3_stmt* st = inserts_.back().get();  // errors is the last table
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, path.data(), static_cast<int>(path.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 2, CodeName(error.code()), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, error.message().data(), static_cast<int>(error.message().size()), SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) return Fail("insert into errors");
    return Status::Ok();
  }

  Status Finish() override {
    if (Status s = Commit(); !s.ok()) return s;
    // Fold the WAL back into the main file so the database is one self-contained file.
    return Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  bool Stored(std::string_view sha256) const override {
    if (!resuming_) return false;  // a new database: nothing to look up
    sqlite3* r = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!readers_.empty()) r = readers_.back().release(), readers_.pop_back();
    }
    if (!r && sqlite3_open_v2(path_.c_str(), &r, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(r);
      return false;
    }
    sqlite3_busy_timeout(r, 60000);
    bool found = false;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(r, "SELECT 1 FROM calls WHERE sha256 = ?", -1, &st, nullptr) == SQLITE_OK) {
      sqlite3_bind_text(st, 1, sha256.data(), static_cast<int>(sha256.size()), SQLITE_STATIC);
      found = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    std::lock_guard<std::mutex> lock(mu_);
    readers_.emplace_back(r);
    return found;
  }

 private:
  static void Bind(sqlite3_stmt* st, int col, const Value& v) {
    switch (v.index()) {
      case 0: sqlite3_bind_null(st, col); break;
      case 1: sqlite3_bind_int64(st, col, std::get<1>(v)); break;
      case 2: sqlite3_bind_double(st, col, std::get<2>(v)); break;
      case 3: {
        auto s = std::get<3>(v);
        sqlite3_bind_text(st, col, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
        break;
      }
      default: {
        const auto& s = std::get<4>(v);
        sqlite3_bind_text(st, col, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
    }
  }
  Status Fail(const std::string& what) const {
    return Status(Code::kOutput, path_ + ": " + what + ": " + sqlite3_errmsg(db_.get()));
  }
  Status Exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      Status s(Code::kOutput, path_ + ": " + (msg ? msg : "sqlite error"));
      sqlite3_free(msg);
      return s;
    }
    return Status::Ok();
  }
  Status QueryInt(const char* sql, int* out) {
    Stmt st = Prepare(sql);
    if (!st || sqlite3_step(st.get()) != SQLITE_ROW) return Fail(sql);
    *out = sqlite3_column_int(st.get(), 0);
    return Status::Ok();
  }
  Stmt Prepare(const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_.get(), sql, -1, &st, nullptr);
    return Stmt(st);
  }

  std::string path_;
  Db db_;
  std::vector<Stmt> inserts_;  // one per table, in Tables() order
  Stmt find_, clear_error_;
  bool in_tx_ = false;
  int tx_calls_ = 0;
  std::chrono::steady_clock::time_point tx_start_;
  bool resuming_ = false;
  mutable std::mutex mu_;
  mutable std::vector<Db> readers_;  // read-only connections for Stored(), reused across threads
};

}  // namespace

Result<std::unique_ptr<Sink>> OpenSqliteSink(const std::string& path) {
  // SQLite's counts of its own memory take a global mutex on every allocation, and a connection in
  // serialized mode one on every call: this connection is used by one thread at a time (the batch
  // writer), so neither is needed (the writer's time on tools/bench: 0.68 s to 0.62 s). The
  // setting must come before SQLite initializes: the first sink opened in the process sets it.
  static const int kNoMemStatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemStatus;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return Status(Code::kOutput, path + ": cannot open database: " + sqlite3_errmsg(raw));
  auto sink = std::make_unique<SqliteSink>(path, std::move(db));
  if (Status s = sink->Init(); !s.ok()) return s;
  return std::unique_ptr<Sink>(std::move(sink));
}

}  // namespace callscope::report
