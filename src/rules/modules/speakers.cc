// Per-speaker and per-call counts over the finished tags, and user lexicons (speakers.h).
#include "rules/modules/speakers.h"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "rules/modules/phrases.h"

namespace callscope::rules {

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ' && c != '\n' && c != '\t';
    n += w && !in;
    in = w;
  }
  return n;
}

namespace {

SpeakerCounts& Of(SpeakerStats& s, Section sec) { return sec == Section::kQa ? s.qa : s.presentation; }

template <typename F>
void Both(Analysis* a, int speaker, int turn, F f) {
  if (speaker < 0 || static_cast<size_t>(speaker) >= a->tags.speakers.size()) return;
  SpeakerStats& s = a->tags.speakers[speaker];
  Section sec = turn >= 0 && static_cast<size_t>(turn) < a->turns.size() ? a->turns[turn].section : Section::kPresentation;
  f(s.all);
  f(Of(s, sec));
  if (a->participants[speaker].role != Role::kOperator) f(a->tags.call);
}

}  // namespace

void ComputeSpeakers(Analysis* a) {
  a->tags.speakers.assign(a->participants.size(), SpeakerStats{});
  a->tags.call = SpeakerCounts{};
  for (size_t i = 0; i < a->tags.speakers.size(); ++i) a->tags.speakers[i].speaker = static_cast<int>(i);
  for (const auto& t : a->turns) {
    int w = CountWords(t.text);
    Both(a, t.speaker, t.index, [&](SpeakerCounts& c) { ++c.turns, c.words += w; });
  }
  for (const auto& h : a->tags.hedges)
    Both(a, h.speaker, h.turn, [&](SpeakerCounts& c) { ++c.hedges, ++c.hedges_by_category[h.category]; });
  for (const auto& n : a->tags.nonanswers) Both(a, n.speaker, n.turn, [](SpeakerCounts& c) { ++c.nonanswers; });
  for (const auto& m : a->tags.metrics) Both(a, m.speaker, m.turn, [](SpeakerCounts& c) { ++c.metrics; });
  for (const auto& g : a->tags.guidance) Both(a, g.speaker, g.turn, [](SpeakerCounts& c) { ++c.guidance; });
}

namespace {

std::vector<std::string> SplitCsv(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back().push_back('"'), ++i;
      else if (c == '"') quoted = false;
      else out.back().push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back().push_back(c);
    }
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string u(s);
  for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// The LM category columns, in the dictionary's order. Other columns are data: counts, proportions,
// `Modal` (a strength code 1-3, not a yes/no), `Syllables`, `Source`.
const char* const kLmCategories[] = {"Negative",     "Positive",   "Uncertainty",  "Litigious",   "Strong_Modal",
                                     "Weak_Modal",   "Constraining", "Superfluous", "Interesting", "Complexity"};

}  // namespace

Result<UserLexicon> LoadUserLexicon(const std::string& spec) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
    return Status(Code::kUsage, "--lexicon wants NAME=PATH, got '" + spec + "'");
  UserLexicon lex;
  lex.name = spec.substr(0, eq);
  std::string path = spec.substr(eq + 1);
  for (char c : lex.name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
      return Status(Code::kUsage, "--lexicon: bad name '" + lex.name + "' (letters, digits, _ and -)");
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status(Code::kRules, path + ": cannot read lexicon");
  std::string line;
  int n = 0;
  std::vector<int> cols;  // LM: column index per category
  bool lm = false;
  while (std::getline(f, line)) {
    ++n;
    if (n == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1) {
      auto head = SplitCsv(line);
      if (head.size() > 1 && Lower(Trimmed(head[0])) == "word") {
        lm = true;
        for (const char* cat : kLmCategories)
          for (size_t i = 0; i < head.size(); ++i)
            if (Lower(Trimmed(head[i])) == Lower(cat)) {
              cols.push_back(static_cast<int>(i));
              lex.categories.push_back(lex.name + "." + Lower(cat));
            }
        if (cols.empty())
          return Status(Code::kRules, fmt::format("{}:1: a CSV lexicon needs Loughran-McDonald category columns "
                                                  "(Negative, Positive, Uncertainty, ...)", path));
        continue;
      }
      lex.categories.push_back(lex.name);
    }
    if (lm) {
      if (Trimmed(line).empty()) continue;
      auto row = SplitCsv(line);
      std::string word = Upper(Trimmed(row[0]));
      if (word.empty()) return Status(Code::kRules, fmt::format("{}:{}: empty word", path, n));
      std::vector<int> in;
      for (size_t k = 0; k < cols.size(); ++k) {
        if (static_cast<size_t>(cols[k]) >= row.size()) continue;
        std::string v = Trimmed(row[cols[k]]);
        char* end = nullptr;
        double d = v.empty() ? 0 : std::strtod(v.c_str(), &end);
        if (!v.empty() && (end == v.c_str() || *end))
          return Status(Code::kRules, fmt::format("{}:{}: column {} is not a number: '{}'", path, n, cols[k] + 1, v));
        if (d > 0) in.push_back(static_cast<int>(k));
      }
      if (!in.empty()) lex.words[word] = std::move(in);
    } else {
      std::string w = Trimmed(line);
      if (w.empty() || w[0] == '#') continue;
      lex.words[Upper(w)] = {0};
    }
  }
  if (lex.words.empty() && !lm) return Status(Code::kRules, path + ": the lexicon has no words");
  return lex;
}

void CountLexicons(const std::vector<UserLexicon>& lexicons, Analysis* a) {
  if (lexicons.empty()) return;
  if (a->tags.speakers.size() != a->participants.size()) ComputeSpeakers(a);
  for (const auto& t : a->turns) {
    const std::string& s = t.text;
    // Length of the word character at i (letters and digits, any non-ASCII letter), 0 if none;
    // U+2000..U+206F (dashes, curly quotes) are punctuation.
    auto wlen = [&](size_t i) -> size_t {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (std::isalnum(c)) return 1;
      if (c < 0xC0) return 0;
      if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return 0;
      size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      return i + n <= s.size() ? n : 0;
    };
    auto joiner = [&](size_t i) -> size_t {  // inner apostrophe or hyphen: "don't", "don’t", "write-down"
      if (s[i] == '\'' || s[i] == '-') return 1;
      return s.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 0;
    };
    size_t i = 0;
    while (i < s.size()) {
      if (!wlen(i)) {
        ++i;
        continue;
      }
      size_t b = i;
      while (i < s.size()) {
        if (size_t k = wlen(i)) {
          i += k;
        } else if (size_t j = joiner(i); j && i + j < s.size() && wlen(i + j)) {
          i += j;
        } else {
          break;
        }
      }
      std::string w = Upper(std::string_view(s).substr(b, i - b));
      for (size_t at; (at = w.find("\xE2\x80\x99")) != std::string::npos;) w.replace(at, 3, "'");
      for (const auto& lex : lexicons) {
        auto it = lex.words.find(w);
        if (it == lex.words.end()) continue;
        for (int k : it->second)
          Both(a, t.speaker, t.index, [&](SpeakerCounts& c) { ++c.lexicons[lex.categories[k]]; });
      }
    }
  }
}

}  // namespace callscope::rules
