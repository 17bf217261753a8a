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
};

enum class Format { kText, kJson, kJsonl };

// kJson: one pretty JSON document per call (an array if several); kJsonl: one call per line.
std::unique_ptr<Sink> MakeJsonSink(Output* out, Format format);
std::unique_ptr<Sink> MakeTextSink(Output* out);

// The contract (schema "callscope/1"), documented in docs/json.md.
std::string ToJson(const Analysis& a, int indent);
std::string TextReport(const Analysis& a);

}  // namespace callscope::report
