// Stage 5: the report sinks. Every format reads the same Analysis; a Sink writes one or many
// calls to an Output that never leaves a half-written file behind.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "callscope/analysis.h"
#include "callscope/status.h"

namespace callscope::report {

// Writes to stdout ("-") or to a temporary next to the target, renamed into place on Commit().
// Destroyed without Commit(), it removes the temporary: a failed run leaves no partial file.
class Output {
 public:
  static Result<std::unique_ptr<Output>> Open(const std::string& path);
  ~Output();
  Status Write(std::string_view bytes);
  Status Commit();
  bool is_stdout() const { return path_ == "-"; }

 private:
  Output(std::string path, std::string tmp, FILE* f) : path_(std::move(path)), tmp_(std::move(tmp)), f_(f) {}
  Status Fail(const char* what);
  std::string path_, tmp_;
  FILE* f_;
  bool committed_ = false;
  bool direct_ = false;  // not a regular file: written in place
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Write(const Analysis& a) = 0;
  virtual Status Finish() = 0;
  // An input that failed (kept by the table sinks in an `errors` table; others ignore it).
  virtual Status WriteError(const std::string& path, const Status& error) { return Status::Ok(); }
  // Makes everything written so far durable (a sink that groups calls into transactions commits).
  virtual Status Flush() { return Status::Ok(); }
  // True if an earlier run already stored this content (by sha256 hex), so a batch can skip it
  // without analyzing. Only resumable sinks (SQLite) say yes. Called from worker threads.
  virtual bool Stored(std::string_view sha256) const { return false; }
};

enum class Format { kText, kJson, kJsonl };

// kJson: one pretty JSON document per call (an array if several); kJsonl: one call per line.
std::unique_ptr<Sink> MakeJsonSink(Output* out, Format format);
std::unique_ptr<Sink> MakeTextSink(Output* out);
// One self-contained HTML page (inline CSS, JS, SVG) per call; byte-stable (src/report/html.cc).
std::unique_ptr<Sink> MakeHtmlSink(Output* out);
// `batch --html-dir`: DIR/<input stem>.html per call and DIR/index.html listing them (and failures).
Result<std::unique_ptr<Sink>> OpenHtmlDirSink(const std::string& dir);
// Table sinks (tables.h; schema in docs/sqlite.md). SQLite: WAL, transactions of whole calls, so an
// interrupted run leaves a consistent database that a re-run completes. CSV: one file per table
// in `dir`, each written atomically at Finish().
Result<std::unique_ptr<Sink>> OpenSqliteSink(const std::string& path);
Result<std::unique_ptr<Sink>> OpenCsvSink(const std::string& dir);
// Appends `s` as one RFC 4180 field (quoted only when it holds , " CR or LF), for every CSV writer.
void AppendCsvField(std::string* line, std::string_view s);
// `callscope metrics --csv`: one RFC 4180 row per metric tag (src/report/metrics_csv.cc).
std::unique_ptr<Sink> MakeMetricsCsvSink(Output* out);
// `callscope guidance --csv`: one RFC 4180 row per guidance item, with the call's and the speaker's
// columns, a UTF-8 BOM first when asked (src/report/guidance_report.cc).
std::unique_ptr<Sink> MakeGuidanceCsvSink(Output* out, bool bom);
// The report's GUIDANCE table, the first thing after the call header (nothing when there is none).
void AppendGuidanceTable(const Analysis& a, std::string* out);

// The contract (schema "callscope/1"), documented in docs/json.md.
std::string ToJson(const Analysis& a, int indent);
std::string TextReport(const Analysis& a);
std::string HtmlReport(const Analysis& a);

}  // namespace callscope::report
