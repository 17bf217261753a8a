// Trigger(): a top-level reader of RE2 syntax, enough to find atoms, quantifiers and alternatives.
#include "rules/trigger.h"

#include <re2/re2.h>

#include <cctype>
#include <vector>

namespace callscope::rules {
namespace {

struct Atom {
  std::string_view text;  // the atom without its quantifier
  int max = 1;            // how many times it may repeat; -1: unbounded
  size_t end = 0;         // offset after the quantifier
};

// Length of the character class at s[0] == '[', or 0 when it does not close.
size_t ClassLength(std::string_view s) {
  size_t i = 1;
  if (i < s.size() && s[i] == '^') ++i;
  if (i < s.size() && s[i] == ']') ++i;
  while (i < s.size() && s[i] != ']') {
    if (s[i] == '\\') i += 2;
    else if (s.substr(i, 2) == "[:") i = s.find(":]", i) == std::string_view::npos ? s.size() : s.find(":]", i) + 2;
    else ++i;
  }
  return i < s.size() ? i + 1 : 0;
}

// Length of the group at s[0] == '(', or 0 when it does not close.
size_t GroupLength(std::string_view s) {
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\\') {
      i += 2;
    } else if (s[i] == '[') {
      size_t n = ClassLength(s.substr(i));
      if (!n) return 0;
      i += n;
    } else {
      if (s[i] == '(') ++depth;
      if (s[i] == ')' && --depth == 0) return i + 1;
      ++i;
    }
  }
  return 0;
}

// `{n}`, `{n,}` or `{n,m}` at s[0] == '{': its length and bounds, or 0 (then `{` is a literal).
size_t Repeat(std::string_view s, int* min, int* max) {
  size_t i = 1;
  auto number = [&](int* v) {
    size_t b = i;
    *v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - b < 4) *v = *v * 10 + (s[i++] - '0');
    return i > b;
  };
  if (!number(min)) return 0;
  *max = *min;
  if (i < s.size() && s[i] == ',') {
    ++i;
    if (!number(max)) *max = -1;
  }
  return i < s.size() && s[i] == '}' ? i + 1 : 0;
}

// Splits a regex into its top-level alternatives, each a list of atoms. False when it cannot.
bool Parse(std::string_view re, std::vector<std::vector<Atom>>* alts) {
  alts->assign(1, {});
  for (size_t i = 0; i < re.size();) {
    if (re[i] == '|') {
      alts->emplace_back();
      ++i;
      continue;
    }
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(re[i]);
    if (c == '\\') {
      if (i + 1 >= re.size() || re[i + 1] == 'Q') return false;
      n = 2;
      if ((re[i + 1] == 'p' || re[i + 1] == 'P') && i + 2 < re.size() && re[i + 2] == '{') {
        size_t close = re.find('}', i);
        if (close == std::string_view::npos) return false;
        n = close - i + 1;
      }
    } else if (c == '[') {
      n = ClassLength(re.substr(i));
    } else if (c == '(') {
      n = GroupLength(re.substr(i));
    } else if (c >= 0xC0) {
      n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;  // one UTF-8 character
    }
    if (n == 0 || i + n > re.size()) return false;
    Atom a{re.substr(i, n)};
    i += n;
    bool quantified = false;
    if (i < re.size() && (re[i] == '*' || re[i] == '+' || re[i] == '?')) {
      a.max = re[i] == '?' ? 1 : -1;
      ++i, quantified = true;
    } else if (i < re.size() && re[i] == '{') {
      int lo = 0, hi = 0;
      if (size_t r = Repeat(re.substr(i), &lo, &hi)) a.max = hi, i += r, quantified = true;
    }
    if (quantified && i < re.size() && re[i] == '?') ++i;  // lazy
    a.end = i;
    alts->back().push_back(a);
  }
  return true;
}

bool IsGap(const Atom& a) {
  if (a.max >= 0 && a.max < 3) return false;
  // A loop that steps over words: any character, a class of "all but" that does not leave out
  // blanks, or a group of any words ("(?:\S+\s+){0,4}", not "(?:\s+(?:really|still))*").
  // `\w+` or `[a-z]*` alone stays inside one word.
  auto has = [&](std::string_view part) { return a.text.find(part) != std::string_view::npos; };
  bool blanks = has("\\s") || has(" ");
  if (a.text == ".") return true;
  if (a.text.substr(0, 2) == "[^") return !blanks;
  return a.text[0] == '(' && blanks && (has("\\S") || has("\\w") || has("[^") || has("[a-z") || has("[A-Za-z"));
}

// True when `re` finds a match in text that holds no word (or cannot be compiled alone): cut
// there, the trigger would name its rule for nearly every sentence.
bool Unselective(const std::string& re) {
  RE2::Options o;
  o.set_log_errors(false);
  RE2 r(re, o);
  if (!r.ok()) return true;
  for (const char* text : {"", " ", "Qz", "qz vw, jx."})
    if (RE2::PartialMatch(text, r)) return true;
  return false;
}

}  // namespace

std::string Trigger(std::string_view pattern) {
  std::vector<std::vector<Atom>> alts;
  if (!Parse(pattern, &alts)) return std::string(pattern);
  std::string out;
  size_t begin = 0;  // where the current alternative starts in `pattern`
  for (const auto& alt : alts) {
    size_t end = alt.empty() ? begin : alt.back().end;
    std::string_view keep = pattern.substr(begin, end - begin);
    for (const Atom& a : alt) {
      if (!IsGap(a)) continue;
      std::string_view prefix = pattern.substr(begin, a.text.data() - pattern.data() - begin);
      if (!Unselective(std::string(prefix))) keep = prefix;
      break;
    }
    if (&alt != &alts.front()) out += '|';
    out += keep;
    begin = end + 1;  // past the '|'
  }
  if (out == pattern) return out;
  RE2::Options o;
  o.set_log_errors(false);
  return RE2(out, o).ok() ? out : std::string(pattern);
}

namespace {
// `\b(?P<name>...)\b`, the word boundaries optional.
bool GroupAlone(std::string_view p) {
  if (p.starts_with("\\b")) p.remove_prefix(2);
  if (p.ends_with("\\b") && !p.ends_with("\\\\b")) p.remove_suffix(2);
  return p.starts_with("(?P<") && GroupLength(p) == p.size();
}
}  // namespace

int WholeGroup(std::string_view p, int groups, std::string* lead) {
  lead->clear();
  std::string_view flags;
  if (p.starts_with("(?i)")) flags = p.substr(0, 4), p.remove_prefix(4);
  if (GroupAlone(p)) return groups == 1 ? 1 : 0;
  // (a greedy optional lead: "??" would prefer to skip it)
  const size_t n = p.starts_with("(?:") ? GroupLength(p) : 0;
  if (!n || n + 1 >= p.size() || p[n] != '?' || p[n + 1] == '?' || !GroupAlone(p.substr(n + 1))) return 0;
  *lead = std::string(flags) + std::string(p.substr(0, n)) + std::string(p.substr(n + 1));
  return groups;  // (the lead's groups open first)
}

}  // namespace callscope::rules
