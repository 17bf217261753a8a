// Sentences with ICU's break iterator over UTF-8 (no UTF-16 copy); a break right after one of the
// abbreviations calls are full of ("Inc.", "Oct.", "vs.", "U.S.", "ex.") said as a word is no break.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "segment/segment.h"

namespace callscope::segment {
namespace {

// The abbreviations calls are full of. `may_end`: it may also end a sentence ("... in the U.S. Can
// you ..."), so it holds the break only before a lower-case word or an acronym ("the U.S. GAAP rate");
// `kBeforeName`: what follows it is often a name ("U.S. Retail Bank", "U.K. Corporate"), so it
// holds the break before any word but one that opens sentences ("... in the U.S. We ...").
enum Ends { kNever = 0, kMayEnd = 1, kBeforeName = 2 };
struct Abbreviation {
  const char* text;
  int may_end;
};
constexpr Abbreviation kAbbreviations[] = {
    {"Inc.", true}, {"Co.", true}, {"Corp.", true}, {"Ltd.", true}, {"Mr.", false}, {"Ms.", false},
    {"Mrs.", false}, {"Dr.", false}, {"Jr.", true}, {"Sr.", true}, {"St.", false}, {"Jan.", false},
    {"Feb.", false}, {"Mar.", false}, {"Apr.", false}, {"Jun.", false}, {"Jul.", false}, {"Aug.", false},
    {"Sep.", false}, {"Sept.", false}, {"Oct.", false}, {"Nov.", false}, {"Dec.", false}, {"vs.", false},
    {"Vs.", false}, {"approx.", false}, {"Approx.", false}, {"U.S.", kBeforeName}, {"U.K.", kBeforeName}, {"E.U.", kBeforeName},
    {"No.", false}, {"Nos.", false}, {"est.", false}, {"etc.", true}, {"e.g.", false}, {"i.e.", false},
    {"Cos.", true}, {"Bros.", true}, {"L.P.", true}, {"N.A.", true}, {"S.A.", true}, {"Dept.", false},
    {"Ave.", false}, {"Fig.", false}, {"Prof.", false}, {"Gov.", false}, {"Sen.", false}, {"Rep.", false},
    {"Gen.", false}, {"Mt.", false}, {"a.m.", true}, {"p.m.", true}, {"A.M.", true}, {"P.M.", true},
    {"yr.", false}, {"Q.", false}, {"cf.", false}, {"Jr", false}, {"ex.", false}, {"Ex.", false},
    {"excl.", false}, {"incl.", false}, {"avg.", false}, {"qtr.", false}, {"Rs.", false}};

// Whether the word at `b` is one that opens sentences (pronouns, articles, conjunctions and the
// words that start a speaker's next point): after "U.S." it ends the sentence.
bool OpensSentence(const std::string& s, int32_t b) {
  static const std::set<std::string, std::less<>> kOpeners = {
      "A", "An", "The", "This", "That", "These", "Those", "Our", "We", "I", "It", "Its", "They", "There",
      "He", "She", "You", "And", "But", "So", "Or", "Now", "Then", "In", "On", "At", "For", "As", "With",
      "Also", "However", "If", "When", "While", "Although", "Overall", "Finally", "First", "Second", "Third",
      "Next", "Turning", "Moving", "Looking", "Let", "Thank", "Thanks", "Yes", "No", "Okay", "OK", "Well",
      "Again", "What", "How", "Why", "Can", "Could", "Would", "Will", "Is", "Are", "Do", "Does", "Did",
      "Given", "Outside", "Within", "Across", "By", "From", "To", "All", "Both", "Each", "Some", "Most",
      "My", "Your", "Their", "Here", "Today", "Going", "Just", "Maybe", "Sure", "Great", "Right", "Last", "Over",
      "During", "Since", "After", "Before", "Please"};
  size_t e = static_cast<size_t>(b);
  while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
  return kOpeners.count(std::string_view(s).substr(static_cast<size_t>(b), e - static_cast<size_t>(b))) > 0;
}

// Whether the text before the break at `b` ends with an abbreviation said as a whole word. (ICU's
// FilteredBreakIterator, used before, matched the end of any word: "est." kept "net interest."
// and "the highest." from ending their sentences, "ex." would have kept "index.".)
// (a name's abbreviation at a line's end ends the sentence before a capital: "... growth in the
// U.S." then a paragraph "Non-GAAP gross margin ..."; not any abbreviation: PDF text keeps its
// hard wraps, "NII ex.\nMarkets was down")
bool AbbreviationBefore(const std::string& s, int32_t b) {
  size_t e = static_cast<size_t>(b);
  bool line_end = false;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r')) line_end |= s[--e] == '\n';
  auto upper = [&](size_t i) { return i < s.size() && std::isupper(static_cast<unsigned char>(s[i])); };
  for (const Abbreviation& a : kAbbreviations) {
    size_t n = std::strlen(a.text);
    if (n > e || s.compare(e - n, n, a.text) != 0) continue;
    unsigned char before = e > n ? static_cast<unsigned char>(s[e - n - 1]) : ' ';
    if (before >= 0x80 || std::isalnum(before)) continue;
    if (a.may_end == kBeforeName) return !(upper(b) && (line_end || (!upper(b + 1) && OpensSentence(s, b))));
    return !(a.may_end && upper(b) && !upper(b + 1));
  }
  return false;
}

icu::BreakIterator* ThreadIterator() {
  static const std::unique_ptr<icu::BreakIterator> kPrototype = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), st));
    return U_FAILURE(st) ? nullptr : std::move(it);
  }();
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
