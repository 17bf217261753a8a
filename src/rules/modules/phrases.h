// Phrases more than one module reads the same way, kept in one place.
#pragma once

#include <re2/re2.h>

#include <cctype>
#include <string>
#include <string_view>

#include "rules/pack.h"

namespace callscope::rules {

// A quantity the metric vocabulary knows is no metric ([class=none] in metrics.lex: balances,
// volumes, subscribers): a number said of it is never another metric's.
inline bool IsNone(const Lexicon::Entry& metric) { return metric.Attr("class") == "none"; }

// " at the midpoint" right after a number (`after` is the text after it): "$2.1 billion at the
// midpoint" restates a range said before it.
inline bool MidpointAfter(std::string_view after) {
  static const RE2 kMidpoint(R"((?i)^\s+(?:at|for)\s+the\s+mid-?point\b)");
  return RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kMidpoint);
}

// Where the clause naming what drove a figure ("..., driven by fee growth of 9%") starts, when
// `before` (a sentence up to some position) ends inside one, else npos; the clause runs to the next
// comma or semicolon.
inline size_t DriverClause(std::string_view before) {
  static const RE2 kDriver(
      R"((?i)(\b(?:driven|led|helped|fueled|fuelled|boosted|powered|supported)\s+(?:\w+\s+)?by\b)[^,;]*$)");
  re2::StringPiece head;
  if (before.find(" by") == std::string_view::npos ||  // (a byte search first: most text has none)
      !RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kDriver, &head))
    return std::string_view::npos;
  return static_cast<size_t>(head.data() - before.data());
}

// ASCII lower case: names compared whatever case a transcript writes them in.
inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace callscope::rules
