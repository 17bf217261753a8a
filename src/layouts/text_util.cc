#include "layouts/text_util.h"

#include <re2/re2.h>

#include <cctype>
#include <cstring>

#include "layouts/layout.h"

namespace callscope::layouts {

Doc::Doc(std::string_view text) : text_(text) {
  lines_.reserve(text.size() / 60 + 1);
  uint32_t b = 0;
  const char* p = text.data();
  auto n = static_cast<uint32_t>(text.size());
  while (b <= n) {
    const void* nl = b < n ? std::memchr(p + b, '\n', n - b) : nullptr;
    uint32_t e = nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - p) : n;
    if (!(e == n && b == n && !lines_.empty())) lines_.push_back({b, e});
    if (!nl) break;
    b = e + 1;
  }
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\f' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool IsBlank(std::string_view s) { return Trim(s).empty(); }

std::string Unspace(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() < 5) return {};
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (i % 2 == 0 && c != ' ') {
      // letters sit on even positions until a double space shifts the word
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '&' && c != '-') return {};
      out.push_back(c);
    } else if (c == ' ') {
      if (i + 1 < t.size() && t[i + 1] == ' ') {  // word break: "S  A N D"
        out.push_back(' ');
        t.remove_prefix(i + 2);
        while (!t.empty() && t[0] == ' ') t.remove_prefix(1);
        i = static_cast<size_t>(-1);
      }
    } else {
      return {};
    }
  }
  return out.find(' ') == std::string::npos && out.size() < 4 ? std::string{} : out;
}

bool LooksLikeName(std::string_view s) {
  static const RE2 kName(
      R"((?:(?:Dr|Mr|Mrs|Ms|Prof)\.? )?[\p{Lu}\[][\pL\pN_'.\[\]\-]*(?: (?:[\p{Lu}\[(][\pL\pN_'.\[\]\-)]*|de|la|van|von|der|da|di|del|du|le|bin|al|y)){0,5})");
  if (s.empty() || s.size() > 60) return false;
  return RE2::FullMatch(s, kName);
}

bool SetWordQuarter(std::string word, int year, Call* call) {
  static const char* kWords[] = {"first", "second", "third", "fourth"};
  for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int q = 1; q <= 4; ++q)
    if (word == kWords[q - 1]) {
      call->fiscal_quarter = q;
      call->fiscal_year = year;
      call->fiscal_period = "Q" + std::to_string(q) + " " + std::to_string(year);
      return true;
    }
  return false;
}

bool YearFirstQuarter(std::string_view text, Call* call) {
  static const RE2 kYearFirst(
      R"((?i)\b(?:fiscal year|fiscal|fy) ?((?:19|20)\d\d),?[ -](first|second|third|fourth)[ -]quarter\b)");
  std::string word;
  int year = 0;
  return RE2::PartialMatch(text, kYearFirst, &year, &word) && SetWordQuarter(word, year, call);
}

void PeriodFromFileName(std::string_view path, Call* call) {
  if (!call->fiscal_period.empty()) return;
  std::string name(path.substr(path.find_last_of('/') + 1));
  name = name.substr(0, name.find('.'));
  for (char& c : name)
    if (c == '_' || c == '-') c = ' ';
  Call from;
  from.company = "-";  // FillFromTitle reads the company only when none is known
  FillFromTitle(name, &from);
  call->fiscal_period = from.fiscal_period;
  call->fiscal_quarter = from.fiscal_quarter;
  call->fiscal_year = from.fiscal_year;
}

// "Half Year 2025 Lumiere Groupe Earnings Call", "H1 2025 ...", "First Half 2025 Results",
// "Interim 2025 ...", "1H FY2025": 1 (or 2 for "H2 2025", "Second Half 2025") with its year, 0 for none
static int Half(std::string_view title, int* year) {
  // "Half Year 2025 Results", "H1 FY2025", and said with the year first: "2025 half year results"
  static const RE2 kHalf(
      R"((?i)^(?:(H1|1H|H2|2H|first[ -]half|second[ -]half|half[ -]year|interim)(?: results)?(?: (?:FY|fiscal) ?)? ?((?:19|20)\d\d)\b))");
  static const RE2 kYearHalf(
      R"((?i)^(?:FY ?|fiscal )?((?:19|20)\d\d)[ -](H1|1H|H2|2H|first[ -]half|second[ -]half|half[ -]year|interim)\b)");
  std::string word;
  if (!RE2::PartialMatch(title, kHalf, &word, year) && !RE2::PartialMatch(title, kYearHalf, year, &word)) return 0;
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word == "h2" || word == "2h" || word.starts_with("second") ? 2 : 1;
}

void FillFromTitle(std::string_view title, Call* call) {
  static const RE2 kQuarter(R"(\bQ([1-4])\b(?:[^\d]{0,30}?)\b(?:F(?:Y|iscal) ?)?((?:19|20)\d\d)\b)");
  static const RE2 kFy(R"(^(?:F(?:Y|iscal)|(?i:full[- ]year)) ?((?:19|20)\d\d)\b)");
  static const RE2 kYearFull(R"((?i)^((?:19|20)\d\d)[ -]full[ -]year\b)");  // "2024 full year results"
  static const RE2 kCompany(
      R"(^(?:(?:Q[1-4]|Half Year|Half-Year|First Half|Second Half|Interim|[12]H|Full Year|H[12]|First Quarter|Second Quarter|Third Quarter|Fourth Quarter)(?: and Full Year)?(?: (?:FY|Fiscal) ?)?(?: ?(?:19|20)\d\d)? )?(.+?)(?:'s?)? (?:Earnings|Financial|Results|Conference|Quarterly|Investor|Preliminary|Q[1-4]\b|(?i:first|second|third|fourth) (?i:quarter)).*$)");
  int q = 0, y = 0;
  // "Second quarter 2024 results", "Third Quarter Fiscal 2023"
  static const RE2 kWordQuarter(R"((?i)\b(first|second|third|fourth)[ -]quarter\b[^\d]{0,30}?\b((?:19|20)\d\d)\b)");
  std::string word;
  if (RE2::PartialMatch(title, kWordQuarter, &word, &y)) {
    SetWordQuarter(word, y, call);
  } else if (YearFirstQuarter(title, call)) {
  } else if (RE2::PartialMatch(title, kQuarter, &q, &y)) {
    call->fiscal_quarter = q;
    call->fiscal_year = y;
    call->fiscal_period = "Q" + std::to_string(q) + " " + std::to_string(y);
  } else if (int half = Half(title, &y)) {  // a half-year report's call: the half, closed by its second or fourth quarter
    call->fiscal_quarter = 2 * half;
    call->fiscal_year = y;
    call->fiscal_period = "H" + std::to_string(half) + " " + std::to_string(y);
  } else if (RE2::PartialMatch(title, kFy, &y) || RE2::PartialMatch(title, kYearFull, &y)) {  // a full year's results: the year, closed by its fourth quarter
    call->fiscal_year = y;
    call->fiscal_quarter = 4;
    call->fiscal_period = "FY " + std::to_string(y);
  }
  std::string company;
  if (call->company.empty() && RE2::FullMatch(title, kCompany, &company)) {
    static const RE2 kYearPrefix(R"(^(?:(?:FY|Fiscal) )?(?:19|20)\d\d )");
    RE2::Replace(&company, kYearPrefix, "");
    static const RE2 kTicker(R"( \([A-Z.:\s]{1,20}\)$)");  // "Ridgecrest Outdoor (RDGO)"
    RE2::Replace(&company, kTicker, "");
    // (not a title with no company in it: "Q2 2025 Earnings Conference Call" names none)
    static const RE2 kNoCompany(R"((?i)^(?:earnings|financial|results|conference|quarterly|investor|preliminary)$)");
    if (!RE2::FullMatch(company, kNoCompany)) call->company = company;
  }
}

std::string ParseDate(std::string_view s) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  static const RE2 kDate(R"(([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?[.,]? ((?:19|20)\d\d))");
  static const RE2 kDayFirst(R"(\b(\d{1,2}) ([A-Za-z]{3,9})\.? ((?:19|20)\d\d))");
  static const RE2 kIso(R"(((?:19|20)\d\d)-(\d\d)-(\d\d))");
  std::string mon;
  int d = 0, y = 0, m = 0;
  if (RE2::PartialMatch(s, kIso, &y, &m, &d)) {
  } else if (RE2::PartialMatch(s, kDate, &mon, &d, &y) ||
             RE2::PartialMatch(s, kDayFirst, &d, &mon, &y)) {  // "20 August 2024
    for (auto& c : mon) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (int i = 0; i < 12; ++i)
      if (mon.compare(0, 3, kMonths[i]) == 0) m = i + 1;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string DecodeEntities(std::string_view s) {
  static const std::pair<std::string_view, char> kEnt[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
  // One pass (replacing each find from the start was quadratic on a long line of entities).
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    bool replaced = false;
    if (s[i] == '&') {
      for (auto [from, to] : kEnt) {
        if (s.substr(i, from.size()) == from) {
          out.push_back(to);
          i += from.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(s[i]);
  }
  return out;
}

}  // namespace callscope::layouts
