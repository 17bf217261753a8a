// Turn text and participant merging.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "layouts/text_util.h"
#include "segment/segment.h"

namespace callscope::segment {
namespace {

using layouts::Trim;

bool EndsSentence(const std::string& s) {
  size_t i = s.size();
  while (i > 0 && (s[i - 1] == '"' || s[i - 1] == '\'' || s[i - 1] == ')')) --i;
  return i > 0 && (s[i - 1] == '.' || s[i - 1] == '?' || s[i - 1] == '!' || s[i - 1] == ':');
}

// Lowercase letters of a name, brackets/punctuation/honorifics/initials dropped: "Jeff [Cavall]"
// and "jeff cavall" give the same key.
std::vector<std::string> NameTokens(std::string_view s) {
  std::vector<std::string> toks;
  std::string cur;
  auto flush = [&] {
    // Digits are kept: "Speaker 1" and "Speaker 2" are two people.
    bool digits = !cur.empty() && std::isdigit(static_cast<unsigned char>(cur[0]));
    if ((cur.size() > 1 || digits) && cur != "mr" && cur != "ms" && cur != "mrs" && cur != "dr" &&
        cur != "jr" && cur != "sr" && cur != "iii" && cur != "ii")
      toks.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(u)));
    } else if (c == '\'' || c == '[' || c == ']') {
      // O'Neil == ONeil; [Cavall] == Cavall
    } else {
      flush();
    }
  }
  flush();
  return toks;
}

// Edit distance counting a swap of two neighbours as one edit ("Chole" / "Chloe").
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, row);
  }
  return prev[b.size()];
}

std::string CompanyKey(std::string_view s) {
  static const char* kStop[] = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
                                "limited", "plc", "llc", "lp", "the", "group", "holdings", "sa",
                                "ag", "nv", "se", "and", "llp", "securities", "capital"};
  std::string key, word;
  auto flush = [&] {
    bool stop = false;
    for (const char* w : kStop) stop |= word == w;
    if (!stop) key += word;
    word.clear();
  };
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) word.push_back(static_cast<char>(std::tolower(u)));
    else if (c != '\'' && c != '.') flush();
  }
  flush();
  return key;
}

}  // namespace

bool SamePerson(std::string_view a, std::string_view b) {
  // Names are short; a hostile "name" 1 MB long must not cost an edit distance over 1 MB squared.
  constexpr size_t kLongName = 200;
  if (a.size() > kLongName || b.size() > kLongName) return a == b;
  auto ta = NameTokens(a), tb = NameTokens(b);
  if (ta.empty() || tb.empty()) return false;
  if (ta == tb) return true;
  // First and last tokens decide; middle names and initials may come and go.
  const std::string &fa = ta.front(), &fb = tb.front(), &la = ta.back(), &lb = tb.back();
  if (ta.size() == 1 || tb.size() == 1) return false;
  bool first_ok = fa == fb || EditDistance(fa, fb) <= (std::min(fa.size(), fb.size()) >= 5 ? 1u : 0u);
  size_t tol = std::min(la.size(), lb.size()) >= 8 ? 2 : std::min(la.size(), lb.size()) >= 4 ? 1 : 0;
  return first_ok && EditDistance(la, lb) <= tol;
}

bool SameCompany(std::string_view a, std::string_view b) {
  std::string ka = CompanyKey(a), kb = CompanyKey(b);
  if (ka.empty() || kb.empty()) return false;
  if (ka == kb) return true;
  const std::string& shorter = ka.size() < kb.size() ? ka : kb;
  const std::string& longer = ka.size() < kb.size() ? kb : ka;
  if (shorter.size() >= 4 && longer.compare(0, shorter.size(), shorter) == 0) return true;
  // An acronym for the firm's own first word: "TD" on the speaker lines, "TD Bank Group" in the title.
  auto acronym = [](std::string_view s) {
    s = Trim(s);
    return s.size() >= 2 && s.size() <= 5 &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  };
  std::string_view sa = Trim(a), sb = Trim(b);
  std::string_view acr = acronym(sa) ? sa : acronym(sb) ? sb : std::string_view{};
  std::string_view full = acr == sa ? sb : sa;
  return !acr.empty() && full.size() > acr.size() && full.substr(0, acr.size()) == acr && full[acr.size()] == ' ';
}

std::string JoinPieces(std::string_view text, const layouts::RawTurn& turn) {
  std::string out;
  if (turn.pieces.empty()) {
    out = std::string(Trim(turn.owned));
    return out;
  }
  size_t total = 0;
  for (const auto& p : turn.pieces) total += p.end - p.begin;
  out.reserve(total);
  // Hard-wrapped text (PDF exports) has no blank lines between paragraphs; a line that ends a
  // sentence well short of the wrap width ends one. The width is the turn's longest line.
  size_t width = 0, lines = 0;
  if (turn.wrap == layouts::Wrap::kHard)
    for (const auto& p : turn.pieces)
      for (std::string_view body = text.substr(p.begin, p.end - p.begin); !body.empty();) {
        size_t nl = body.find('\n');
        size_t len = Trim(body.substr(0, nl)).size();
        width = std::max(width, len), lines += len > 0;
        body = nl == std::string_view::npos ? std::string_view{} : body.substr(nl + 1);
      }
  const bool reflow = lines >= 3 && width >= 60;
  size_t last_line = 0;  // length of the line appended last
  bool para = false;
  for (size_t k = 0; k < turn.pieces.size(); ++k) {
    const auto& p = turn.pieces[k];
    std::string_view body = text.substr(p.begin, p.end - p.begin);
    bool first_line = true;
    while (!body.empty()) {
      size_t nl = body.find('\n');
      std::string_view line = Trim(body.substr(0, nl));
      body = nl == std::string_view::npos ? std::string_view{} : body.substr(nl + 1);
      if (line.empty()) {
        para = true;
        first_line = false;
        continue;
      }
      if (!out.empty()) {
        bool page_break = first_line && k > 0;
        if (reflow && last_line * 4 < width * 3 && EndsSentence(out)) para = true;
        if (page_break && !para) {
          // Furniture cut the text: a sentence that did not end continues on the next page.
          para = EndsSentence(out) && std::isupper(static_cast<unsigned char>(line[0]));
        }
        if (para || turn.wrap == layouts::Wrap::kParagraphPerLine) {
          out.push_back('\n');
        } else if (out.size() >= 2 && out.back() == '-' && std::isalpha(static_cast<unsigned char>(out[out.size() - 2])) &&
                   std::islower(static_cast<unsigned char>(line[0]))) {
          // "year-" + "over-year": a word hyphenated at the wrap joins without a space.
        } else {
          out.push_back(' ');
        }
      }
      para = false;
      first_line = false;
      out.append(line);
      last_line = line.size();
    }
  }
  return out;
}

void BuildTurns(std::string_view text, const layouts::Parsed& parsed, Analysis* a) {
  // Exact names are looked up in a map; the fuzzy comparison (SamePerson) against every
  // participant only runs while there are few of them, as in any real call. Without the cap,
  // 100,000 speaker lines of distinct names took minutes (participants x turns edit distances).
  constexpr size_t kFuzzyLimit = 500;
  std::unordered_map<std::string, int> by_name;
  int operator_id = -1;
  auto find_or_add = [&](const layouts::Header& h) -> int {
    std::string name(Trim(h.name));
    // "Jeff [Cavall]": the vendor was unsure of the spelling; the brackets are not part of it.
    name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == '[' || c == ']'; }), name.end());
    // "Jeff  Kvaal" in a list, "Jeff Kvaal" on the speaker line: runs of spaces are one.
    name.erase(std::unique(name.begin(), name.end(), [](char x, char y) { return x == ' ' && y == ' '; }), name.end());
    bool is_operator = h.role == Role::kOperator || name == "Operator" || name == "OPERATOR";
    auto merge = [&](Participant& p) {
      if (p.name != name && std::find(p.aliases.begin(), p.aliases.end(), name) == p.aliases.end())
        p.aliases.push_back(name);
      if (p.affiliation.empty()) p.affiliation = h.affiliation;
      if (p.title.empty()) p.title = h.title;
      if (p.role == Role::kOther && h.role) p.role = *h.role;  // a participants list says which side
      return p.id;
    };
    if (is_operator && operator_id >= 0) return merge(a->participants[static_cast<size_t>(operator_id)]);
    if (!is_operator) {
      auto it = by_name.find(name);
      if (it != by_name.end()) return merge(a->participants[static_cast<size_t>(it->second)]);
    }
    for (auto& p : a->participants) {
      if (!is_operator && a->participants.size() > kFuzzyLimit) break;
      bool same = is_operator ? p.role == Role::kOperator
                              : p.role != Role::kOperator &&
                                    (p.name == name || (SamePerson(p.name, name) &&
                                                        (h.affiliation.empty() || p.affiliation.empty() ||
                                                         SameCompany(p.affiliation, h.affiliation))));
      if (!same) continue;
      return merge(p);
    }
    Participant p;
    p.id = static_cast<int>(a->participants.size());
    p.name = is_operator ? "Operator" : name;
    p.affiliation = h.affiliation;
    p.title = h.title;
    p.role = is_operator ? Role::kOperator : h.role.value_or(Role::kOther);
    if (is_operator) operator_id = p.id;
    else by_name.emplace(p.name, p.id);
    a->participants.push_back(std::move(p));
    return a->participants.back().id;
  };
  // Speakers first, in order of appearance; listed-only people are added after.
  if (!parsed.text.empty()) text = parsed.text;  // pieces index into the layout's own text (HTML)
  a->turns.reserve(parsed.turns.size());
  for (const auto& rt : parsed.turns) {
    std::string body = JoinPieces(text, rt);
    if (body.empty()) continue;
    int id = find_or_add(rt.who);
    if (!a->turns.empty() && a->turns.back().speaker == id && a->turns.back().section == rt.section) {
      // A header repeated after a page break is not a new turn.
      Turn& prev = a->turns.back();
      prev.text += EndsSentence(prev.text) ? "\n" : " ";
      prev.text += body;
      if (!rt.pieces.empty()) prev.end = rt.pieces.back().end;
      continue;
    }
    Turn t;
    t.index = static_cast<int>(a->turns.size());
    t.speaker = id;
    t.section = rt.section;
    t.text = std::move(body);
    if (!rt.pieces.empty()) t.start = rt.pieces.front().begin, t.end = rt.pieces.back().end;
    a->turns.push_back(std::move(t));
  }
  // The participants lists give speakers their titles, firms and sides; people listed but never
  // heard (an analyst whose associate asks instead) are participants of the call all the same.
  for (const auto& h : parsed.listed) find_or_add(h);
  InferOperatorAndQa(a, !parsed.sectioned);
}

}  // namespace callscope::segment
