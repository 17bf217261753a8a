// Phrases more than one module reads the same way, kept in one place.
#pragma once

#include <re2/re2.h>

#include <cctype>
#include <string>
#include <string_view>

namespace callscope::rules {

// " at the midpoint" right after a number (`after` is the text after it): "$2.1 billion at the
// midpoint" restates a range said before it.
inline bool MidpointAfter(std::string_view after) {
  static const RE2 kMidpoint(R"((?i)^\s+(?:at|for)\s+the\s+mid-?point\b)");
  return RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kMidpoint);
}

// ASCII lower case: names compared whatever case a transcript writes them in.
inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace callscope::rules
