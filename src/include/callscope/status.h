// One error vocabulary for the whole library (re2's error_code(), CLI11's Error.hpp).
// Library functions return a Status or Result<T>; the CLI maps codes to exit statuses in one
// place (src/cli/exit_codes.h), so a code here is also a documented exit code there.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace callscope {

enum class Code {
  kOk = 0,
  kUsage,          // bad flags or arguments
  kUnreadable,     // missing, a directory, permission denied, vanished mid-read
  kBadInput,       // empty, binary, invalid or truncated encoding, over --max-bytes
  kNotTranscript,  // readable text, but not an earnings-call transcript
  kRules,          // a rule pack or lexicon failed to load
  kOutput,         // an output could not be written (full disk, closed pipe)
  kInternal,       // a bug: please report it
  kSystem,         // the system refused a resource: out of memory, or no thread (a process limit)
};

// Short stable name of a code, used in JSON error records and the SQLite errors table.
const char* CodeName(Code code);

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return {}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace callscope
