// Sentences with ICU's break iterator over UTF-8 (no UTF-16 copy); a break right after one of the
// abbreviations calls are full of ("Inc.", "Oct.", "vs.", "U.S.", "ex.") said as a word is no break.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include "segment/segment.h"

namespace callscope::segment {
namespace {

const char* const kAbbreviations[] = {
    "Inc.", "Co.", "Corp.", "Ltd.", "Mr.", "Ms.", "Mrs.", "Dr.", "Jr.", "Sr.", "St.", "Jan.", "Feb.",
    "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "vs.", "Vs.",
    "approx.", "Approx.", "U.S.", "U.K.", "E.U.", "No.", "Nos.", "est.", "etc.", "e.g.", "i.e.",
    "Cos.", "Bros.", "L.P.", "N.A.", "S.A.", "Dept.", "Ave.", "Fig.", "Prof.", "Gov.", "Sen.",
    "Rep.", "Gen.", "Mt.", "a.m.", "p.m.", "A.M.", "P.M.", "yr.", "Q.", "cf.", "Jr", "ex.", "Ex.", "excl.",
    "incl.", "avg.", "qtr."};

std::unique_ptr<icu::BreakIterator> MakePrototype() {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), st));
  if (U_FAILURE(st)) return nullptr;
  return base;
}

// Whether the text before the break at `b` ends with an abbreviation said as a whole word. (ICU's
// FilteredBreakIterator, used before, matched the end of any word: "est." kept "net interest."
// and "the highest." from ending their sentences, "ex." would have kept "index.".)
bool AbbreviationBefore(const std::string& s, int32_t b) {
  size_t e = static_cast<size_t>(b);
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  // What may also end a sentence ("... in the U.S. Can you ...") keeps the break before a capital
  // word.
  static const char* const kMayEnd[] = {"U.S.", "U.K.", "E.U.", "etc.", "Inc.", "Co.", "Corp.", "Ltd.", "Cos.",
                                        "Bros.", "L.P.", "N.A.", "S.A.", "a.m.", "p.m.", "A.M.", "P.M.", "Jr.", "Sr."};
  for (const char* abbr : kAbbreviations) {
    size_t n = std::strlen(abbr);
    if (n > e || s.compare(e - n, n, abbr) != 0) continue;
    unsigned char before = e > n ? static_cast<unsigned char>(s[e - n - 1]) : ' ';
    if (before >= 0x80 || std::isalnum(before)) continue;
    bool may_end = std::any_of(std::begin(kMayEnd), std::end(kMayEnd), [&](const char* m) { return std::strcmp(m, abbr) == 0; });
    // ... unless the capital starts an acronym ("the U.S. GAAP tax rate", "U.S. COVID-related")
    auto up = [&](size_t i) { return i < s.size() && std::isupper(static_cast<unsigned char>(s[i])); };
    return !(may_end && up(b) && !up(b + 1));
  }
  return false;
}

icu::BreakIterator* ThreadIterator() {
  static const std::unique_ptr<icu::BreakIterator> kPrototype = MakePrototype();
  thread_local std::unique_ptr<icu::BreakIterator> it(kPrototype ? kPrototype->clone() : nullptr);
  return it.get();
}

}  // namespace

void SplitSentences(Analysis* a) {
  icu::BreakIterator* bi = ThreadIterator();
  for (const auto& t : a->turns) {
    const std::string& s = t.text;
    auto push = [&](int32_t b, int32_t e) {
      while (b < e && (s[b] == ' ' || s[b] == '\n')) ++b;
      while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n')) --e;
      if (e > b) a->sentences.push_back({t.index, static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    };
    if (!bi) {
      push(0, static_cast<int32_t>(s.size()));
      continue;
    }
    UErrorCode st = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &st);
    if (U_FAILURE(st)) continue;
    bi->setText(ut, st);
    int32_t prev = bi->first();
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
      if (static_cast<size_t>(b) < s.size() && AbbreviationBefore(s, b)) continue;
      push(prev, b);
      prev = b;
    }
    utext_close(ut);
  }
}

}  // namespace callscope::segment
