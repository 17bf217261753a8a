// The relational view of an Analysis: one list of tables (columns, keys, indexes, and how to
// turn a call into rows) shared by the SQLite and CSV sinks, so both always agree and a new tag
// table is one entry in tables.cc. Documented in docs/sqlite.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "callscope/analysis.h"

namespace callscope::report {

// Bumped whenever a table or column changes; stored in the database (PRAGMA user_version and
// the meta table), so an older database is refused instead of written half-compatibly.
inline constexpr int kSchemaVersion = 5;  // 2: metrics, metric_comparisons; 3: guidance, hedges,
                                          // nonanswers, speaker_stats; 4: metric_comparisons.low, .high;
                                          // 5: keyed tables WITHOUT ROWID

// A cell: NULL, integer, real, or text (borrowed from the Analysis, or owned when computed).
using Value = std::variant<std::nullptr_t, int64_t, double, std::string_view, std::string>;
using RowFn = std::function<void(const std::vector<Value>&)>;

struct Column {
  const char* name;
  const char* type;  // SQL type and column constraints, e.g. "INTEGER NOT NULL"
};

struct Table {
  const char* name;
  // Every table but `calls` starts with call_id (added by the sink, not listed here):
  // `calls.id` in SQLite, the call's ordinal in the run for CSV.
  std::vector<Column> columns;
  const char* constraints;           // PRIMARY KEY / FOREIGN KEY clauses, may be ""
  std::vector<const char*> indexes;  // column lists, e.g. "company, fiscal_year"
  void (*rows)(const Analysis& a, const RowFn& emit);  // nullptr: written by the sink itself (errors)
};

// calls first, then children in foreign-key order, then errors.
const std::vector<Table>& Tables();

}  // namespace callscope::report
