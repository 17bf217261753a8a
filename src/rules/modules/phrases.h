// Phrases more than one module reads the same way, kept in one place.
#pragma once

#include <re2/re2.h>

#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "callscope/analysis.h"
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

// 1-12 for a month's name or its first three letters ("Sept", "January"), 0 for none.
inline int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths = "janfebmaraprmayjunjulaugsepoctnovdec";
  if (word.size() < 3) return 0;
  const size_t at = kMonths.find(Lower(word.substr(0, 3)));
  return at == std::string_view::npos || at % 3 ? 0 : static_cast<int>(at / 3) + 1;
}

// The quarter a month ends ("the September quarter"), counted from the call's quarter by the call's
// date ("2025-11-13"): 0 the call's own (its month one to three months before the call's), -1 and
// -2 the ones before, 1 the next (a month still ahead: "the December quarter" on a November call);
// none without a month or a date.
inline std::optional<int> MonthQuarterShift(std::string_view month, const std::string& date) {
  const int n = MonthNumber(month);
  int y = 0, m = 0;
  if (!n || std::sscanf(date.c_str(), "%d-%d", &y, &m) != 2) return std::nullopt;
  const int back = (m - n + 12) % 12;
  return back >= 1 && back <= 9 ? -((back - 1) / 3) : 1;
}

// "And on the fourth quarter?", "How are you thinking about 2026?", "What does that mean for next
// year?", "And free cash flow for the year?", "the December quarter?": the one period still to
// come a question's sentence names, for the answer's forecasts that name none (a quarter after the
// call's, or two or more before it: "the first quarter" on a third quarter's call is next year's; a
// year not past; the next year). "" when it names two, one already past or the present ("today");
// nullopt when it names none.
inline std::optional<std::string> QuestionPeriod(std::string_view text, const Call& call) {
  if (!call.fiscal_year || !call.fiscal_quarter) return std::nullopt;
  static const RE2 kPeriod(
      R"((?i)\b(?:(?:the\s+)?(first|second|third|fourth)\s+quarter|(?-i:Q)([1-4])|(next)\s+(?:fiscal\s+)?year|(?:fiscal\s+|calendar\s+)?(20\d\d))\b)"
      R"(|(?i)\b(?:the|this)\s+(?:full[\s-]|fiscal\s+)?(year)(?:$|[^-\w]))"
      R"(|(?i)\bthe\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+quarter\b)"
      R"(|(?i)\b(today|currently|right\s+now|at\s+present)\b)");
  re2::StringPiece in(text.data(), text.size());
  std::string word, digit, next, year, this_year, month, now;
  std::optional<std::string> found;
  while (RE2::FindAndConsume(&in, kPeriod, &word, &digit, &next, &year, &this_year, &month, &now)) {
    if (!now.empty()) return "";  // ("what's the margin today, and how fast can it grow in 2025?": the present too)
    if (!this_year.empty()) year = std::to_string(call.fiscal_year);  // ("for the year?": the call's, still to come before Q4)
    if (!month.empty()) {  // ("the December quarter?": the next quarter, if that month is still ahead)
      const std::optional<int> shift = MonthQuarterShift(month, call.date);
      if (!shift || *shift < 1) return "";
      const int at = call.fiscal_year * 4 + call.fiscal_quarter;  // (the quarter after the call's, counted from 0)
      const std::string p = fmt::format("Q{} {}", at % 4 + 1, at / 4);
      if (found && *found != p) return "";
      found = p;
      continue;
    }
    std::string p;
    int q = !digit.empty() ? digit[0] - '0' : 0;
    static const char* kWords[] = {"first", "second", "third", "fourth"};
    for (int k = 0; k < 4 && !word.empty(); ++k)
      if (word.size() == std::string_view(kWords[k]).size() && std::tolower(static_cast<unsigned char>(word[0])) == kWords[k][0] &&
          std::equal(word.begin() + 1, word.end(), kWords[k] + 1))
        q = k + 1;
    if (q)
      p = q > call.fiscal_quarter ? fmt::format("Q{} {}", q, call.fiscal_year)
          : call.fiscal_quarter - q >= 2 ? fmt::format("Q{} {}", q, call.fiscal_year + 1) : "";
    else if (!next.empty())
      p = fmt::format("FY {}", call.fiscal_year + 1);
    else if (const int y = std::atoi(year.c_str()); y > call.fiscal_year || (y == call.fiscal_year && call.fiscal_quarter < 4))
      p = fmt::format("FY {}", y);
    if (p.empty() || (found && *found != p)) return "";
    found = p;
  }
  return found;
}

// A question's first sentence, in turn `turn`: the period the question before named carries into a
// short follow-up asked right after its answer ("And OpEx?" after "the gross margin for the December
// quarter?"; not "And on the German restructuring, what is the expected charge?", a new topic); any
// other question starts with none.
inline void NewQuestion(std::string_view text, int turn, std::string* period, int* question_turn) {
  static const RE2 kFollowUp(R"((?i)^\W*(?:and|also|what\s+about|how\s+about|same\s+(?:question|thing))\b(?:\W+\w+){0,5}\W*$)");
  if (turn != *question_turn + 2 || !RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kFollowUp)) period->clear();
  *question_turn = turn;
}

}  // namespace callscope::rules
