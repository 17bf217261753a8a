// Sentences with ICU's break iterator over UTF-8 (no UTF-16 copy), filtered so that the
// abbreviations calls are full of ("Inc.", "Oct.", "vs.", "U.S.") do not end a sentence.
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <memory>

#include "segment/segment.h"

namespace callscope::segment {
namespace {

const char* const kAbbreviations[] = {
    "Inc.", "Co.", "Corp.", "Ltd.", "Mr.", "Ms.", "Mrs.", "Dr.", "Jr.", "Sr.", "St.", "Jan.", "Feb.",
    "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "vs.", "Vs.",
    "approx.", "Approx.", "U.S.", "U.K.", "E.U.", "No.", "Nos.", "est.", "etc.", "e.g.", "i.e.",
    "Cos.", "Bros.", "L.P.", "N.A.", "S.A.", "Dept.", "Ave.", "Fig.", "Prof.", "Gov.", "Sen.",
    "Rep.", "Gen.", "Mt.", "a.m.", "p.m.", "A.M.", "P.M.", "yr.", "Q.", "cf.", "Jr"};

std::unique_ptr<icu::BreakIterator> MakePrototype() {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), st));
  if (U_FAILURE(st)) return nullptr;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> b(icu::FilteredBreakIteratorBuilder::createEmptyInstance(st));
  if (U_FAILURE(st)) return base;
  for (const char* abbr : kAbbreviations) b->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbr), st);
  icu::BreakIterator* filtered = b->wrapIteratorWithFilter(base.release(), st);
  return std::unique_ptr<icu::BreakIterator>(filtered);
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
      push(prev, b);
      prev = b;
    }
    utext_close(ut);
  }
}

}  // namespace callscope::segment
