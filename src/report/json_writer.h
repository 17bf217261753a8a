// Writes one JSON object a member at a time, and big arrays an element at a time, so a call's
// JSON never exists as one nlohmann tree (a call of 100,000 turns took 1.7 GB that way). The
// bytes are exactly those of nlohmann's dump(indent) of the whole object (json_test.cc checks).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace callscope::report {

class JsonWriter {
 public:
  using ordered = nlohmann::ordered_json;
  explicit JsonWriter(int indent) : indent_(indent) {}  // -1: compact, else spaces per level

  void Member(std::string_view key, const ordered& value) {
    Key(key);
    Value(value, 1);
  }
  // An array member of n elements; element(i) builds one (an ordered json) at a time.
  template <class F>
  void Array(std::string_view key, size_t n, F element) {
    Key(key);
    if (n == 0) {
      out_ += "[]";
      return;
    }
    out_ += '[';
    for (size_t i = 0; i < n; ++i) {
      if (i) out_ += ',';
      Newline(2);
      Value(element(i), 2);
    }
    Newline(1);
    out_ += ']';
  }
  // The text, closed; the writer is empty afterwards.
  std::string Finish() {
    if (members_ == 0) {
      out_ = "{}";
      return std::move(out_);
    }
    Newline(0);
    out_ += '}';
    members_ = 0;
    return std::move(out_);
  }

 private:
  void Key(std::string_view key) {
    out_ += members_++ ? "," : "{";
    Newline(1);
    out_ += ordered(key).dump();
    out_ += indent_ < 0 ? ":" : ": ";
  }
  void Newline(int level) {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(static_cast<size_t>(level * indent_), ' ');
  }
  // `v` at nesting `level`: its own lines shifted right by that many levels.
  void Value(const ordered& v, int level) {
    std::string s = v.dump(indent_, ' ', false, ordered::error_handler_t::replace);
    if (indent_ < 0) {
      out_ += s;
      return;
    }
    std::string pad(static_cast<size_t>(level * indent_), ' ');
    for (char c : s) {
      out_ += c;
      if (c == '\n') out_ += pad;
    }
  }

  int indent_;
  int members_ = 0;
  std::string out_;
};

}  // namespace callscope::report
