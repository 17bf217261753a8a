// Rule pack and lexicon loading (formats: data/README.md). Everything is checked here, once:
// an unknown directive, a missing fragment or a bad regex fails the whole load with file:line.
#include "rules/pack.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "rules/trigger.h"

namespace callscope::rules {

struct EmbeddedFile {
  const char* name;
  const unsigned char* data;
  size_t size;
};
extern const EmbeddedFile kEmbeddedRules[];  // generated from data/ by embed.cmake
extern const size_t kEmbeddedRulesCount;

namespace {

Status Error(const std::string& file, int line, const std::string& msg) {
  return Status(Code::kRules, file + ":" + std::to_string(line) + ": " + msg);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits "word rest of line" at the first run of blanks.
std::pair<std::string_view, std::string_view> Head(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return {s.substr(0, i), Trim(s.substr(i))};
}

bool IsName(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t p = 0;
  while (p <= text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(p, e - p);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
    p = e + 1;
  }
  return out;
}

}  // namespace

Result<std::string> Source::Read(const std::string& name) const {
  if (!dir_.empty()) {
    std::ifstream f(dir_ + "/" + name, std::ios::binary);
    if (f) {
      std::ostringstream ss;
      ss << f.rdbuf();
      return ss.str();
    }
  }
  for (size_t i = 0; i < kEmbeddedRulesCount; ++i)
    if (name == kEmbeddedRules[i].name)
      return std::string(reinterpret_cast<const char*>(kEmbeddedRules[i].data), kEmbeddedRules[i].size);
  return Status(Code::kRules, name + ": no such rule file" + (dir_.empty() ? "" : " in " + dir_ + " or built in"));
}

std::string Lexicon::Key(std::string_view term) {
  std::string k;
  bool gap = false;
  for (char c : term) {
    if (c == ' ' || c == '\t' || c == '-' || c == '\n') {
      gap = !k.empty();
      continue;
    }
    if (gap) k.push_back(' '), gap = false;
    k.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return k;
}

Result<Lexicon> Lexicon::Parse(const std::string& file, std::string_view text) {
  Lexicon lex;
  std::map<std::string, std::string> attrs;
  int n = 0;
  for (std::string_view raw : Lines(text)) {
    ++n;
    std::string_view l = Trim(raw);
    if (l.empty() || l[0] == '#') continue;
    if (l.front() == '[') {
      if (l.back() != ']') return Error(file, n, "section header must end with ']'");
      attrs.clear();
      std::istringstream ss(std::string(l.substr(1, l.size() - 2)));
      std::string kv;
      while (ss >> kv) {
        size_t eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) return Error(file, n, "expected key=value in section header, got '" + kv + "'");
        attrs[kv.substr(0, eq)] = kv.substr(eq + 1);
      }
      continue;
    }
    Entry e;
    e.attrs = attrs;
    size_t p = 0;
    while (p <= l.size()) {
      size_t bar = l.find('|', p);
      if (bar == std::string_view::npos) bar = l.size();
      std::string_view t = Trim(l.substr(p, bar - p));
      if (t.empty()) return Error(file, n, "empty term");
      e.terms.emplace_back(t);
      p = bar + 1;
    }
    e.canonical = e.terms.front();
    for (const auto& t : e.terms) {
      auto [it, fresh] = lex.index_.emplace(Key(t), lex.entries_.size());
      if (!fresh && it->second != lex.entries_.size())
        return Error(file, n, "term '" + t + "' already listed under '" + lex.entries_[it->second].canonical + "'");
    }
    lex.entries_.push_back(std::move(e));
  }
  return lex;
}

const Lexicon::Entry* Lexicon::Find(std::string_view term) const {
  auto it = index_.find(Key(term));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

std::string Lexicon::Regex(std::string_view kind) const {
  std::vector<std::string> terms;
  for (const auto& e : entries_) {
    if (!kind.empty() && e.Attr("kind") != kind) continue;
    for (const auto& t : e.terms) {
      std::string re, word;
      auto flush = [&] {
        if (word.empty()) return;
        if (!re.empty()) re += "[\\s-]+";
        re += RE2::QuoteMeta(word);
        word.clear();
      };
      for (char c : t) (c == ' ' || c == '-') ? flush() : word.push_back(c);
      flush();
      if (!re.empty()) terms.push_back(std::move(re));
    }
  }
  // Dictionary order, except that a term comes before the terms it begins ("operating margin"
  // before "operating"): at any position the longest term that matches is the one taken, as with
  // longest-first, and terms sharing a beginning sit side by side, so RE2 factors them into a trie
  // (a smaller program: fewer states for the DFAs, fewer threads for capture extraction).
  std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
      char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
      char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[i])));
      if (x != y) return x < y;
    }
    return a.size() > b.size();
  });
  std::string out = "(?:";
  for (size_t i = 0; i < terms.size(); ++i) out += (i ? "|" : "") + terms[i];
  return out + ")";
}

namespace {

struct Builder {
  std::string file;
  std::map<std::string, std::string> fragments;  // expanded
  const std::map<std::string, Lexicon>* lexicons;

  // Replaces {name} by its fragment or lexicon; leaves RE2's own braces ({2,3}, \p{L}) alone.
  Result<std::string> Expand(std::string_view re, int line) const {
    std::string out;
    for (size_t i = 0; i < re.size(); ++i) {
      if (re[i] == '\\' && i + 1 < re.size()) {
        out += re.substr(i, 2);
        ++i;
        if ((re[i] == 'p' || re[i] == 'P') && i + 1 < re.size() && re[i + 1] == '{') {
          size_t close = re.find('}', i);
          if (close == std::string_view::npos) break;
          out += re.substr(i + 1, close - i);
          i = close;
        }
        continue;
      }
      if (re[i] == '{') {
        size_t close = re.find('}', i);
        std::string_view name = close == std::string_view::npos ? "" : re.substr(i + 1, close - i - 1);
        // {lexicon:KIND}: only the lexicon's terms under [kind=KIND].
        size_t colon = name.find(':');
        std::string_view kind = colon == std::string_view::npos ? "" : name.substr(colon + 1);
        if (colon != std::string_view::npos) name = name.substr(0, colon);
        if (IsName(name) && (colon == std::string_view::npos || IsName(kind))) {
          std::string key(name);
          if (auto f = fragments.find(key); f != fragments.end() && kind.empty()) {
            out += "(?:" + f->second + ")";
          } else if (auto l = lexicons->find(key); l != lexicons->end()) {
            std::string alt = l->second.Regex(kind);
            if (alt == "(?:)") return Error(file, line, "{" + key + ":" + std::string(kind) + "}: no terms of that kind");
            out += alt;
          } else {
            return Error(file, line, "unknown fragment or lexicon {" + key + "}");
          }
          i = close;
          continue;
        }
      }
      out.push_back(re[i]);
    }
    return out;
  }

  Result<std::unique_ptr<RE2>> Compile(std::string_view re, int line, const std::string& what) const {
    auto expanded = Expand(re, line);
    if (!expanded.ok()) return expanded.status();
    auto r = std::make_unique<RE2>(*expanded, Opts());
    if (!r->ok()) return Error(file, line, what + ": " + r->error());
    return r;
  }
};

}  // namespace

Result<std::unique_ptr<Pack>> Pack::Load(const Source& src, const std::string& name) {
  auto pack = std::make_unique<Pack>();
  pack->name_ = name;
  Builder b{name + ".pack", {}, &pack->lexicons_};
  auto text = src.Read(b.file);
  if (!text.ok()) return text.status();
  std::vector<std::string_view> lines = Lines(*text);
  Rule* rule = nullptr;
  for (size_t i = 0; i < lines.size(); ++i) {
    int n = static_cast<int>(i + 1);
    std::string_view raw = lines[i];
    std::string_view l = Trim(raw);
    if (l.empty() || l[0] == '#') continue;
    auto [key, rest] = Head(l);
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (indented) {
      if (!rule) return Error(b.file, n, "indented line outside a rule");
      std::unique_ptr<RE2>* slot = key == "match"           ? &rule->match
                                   : key == "unless"        ? &rule->unless
                                   : key == "only"          ? &rule->only
                                   : key == "unless_before" ? &rule->unless_before
                                   : key == "only_before"   ? &rule->only_before
                                   : key == "unless_after"  ? &rule->unless_after
                                   : key == "only_after"    ? &rule->only_after
                                   : key == "trigger"       ? &rule->given_trigger
                                                            : nullptr;
      if (!slot)
        return Error(b.file, n,
                     "unknown rule key '" + std::string(key) +
                         "' (match, unless, only, unless_before, only_before, unless_after, only_after, trigger)");
      if (*slot) return Error(b.file, n, "rule " + rule->name + ": '" + std::string(key) + "' given twice");
      if (rest.empty()) return Error(b.file, n, "rule " + rule->name + ": empty " + std::string(key));
      auto re = b.Compile(rest, n, "rule " + rule->name + ": " + std::string(key));
      if (!re.ok()) return re.status();
      *slot = std::move(*re);
      continue;
    }
    if (rule && !rule->match) return Error(b.file, rule->line, "rule " + rule->name + " has no match line");
    rule = nullptr;
    if (key == "rule") {
      auto [rname, attrs] = Head(rest);
      if (!IsName(rname)) return Error(b.file, n, "bad rule name '" + std::string(rname) + "'");
      for (const auto& r : pack->rules_)
        if (r->name == rname) return Error(b.file, n, "rule " + std::string(rname) + " defined twice (first at line " + std::to_string(r->line) + ")");
      auto r = std::make_unique<Rule>();
      r->name = rname, r->file = b.file, r->line = n;
      std::istringstream ss{std::string(attrs)};
      std::string kv;
      while (ss >> kv) {
        size_t eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) return Error(b.file, n, "expected key=value after the rule name, got '" + kv + "'");
        r->attrs[kv.substr(0, eq)] = kv.substr(eq + 1);
      }
      rule = r.get();
      pack->rules_.push_back(std::move(r));
    } else if (key == "fragment") {
      auto [fname, re] = Head(rest);
      if (!IsName(fname) || re.empty()) return Error(b.file, n, "expected: fragment NAME REGEX");
      if (b.fragments.count(std::string(fname)) || pack->lexicons_.count(std::string(fname)))
        return Error(b.file, n, "{" + std::string(fname) + "} defined twice");
      auto expanded = b.Expand(re, n);
      if (!expanded.ok()) return expanded.status();
      if (RE2 check(*expanded, Opts()); !check.ok())
        return Error(b.file, n, "fragment " + std::string(fname) + ": " + check.error());
      b.fragments[std::string(fname)] = *expanded;
    } else if (key == "lexicon") {
      auto [lname, file] = Head(rest);
      if (!IsName(lname) || file.empty()) return Error(b.file, n, "expected: lexicon NAME FILE");
      if (b.fragments.count(std::string(lname)) || pack->lexicons_.count(std::string(lname)))
        return Error(b.file, n, "{" + std::string(lname) + "} defined twice");
      auto ltext = src.Read(std::string(file));
      if (!ltext.ok()) return Error(b.file, n, ltext.status().message());
      auto lex = Lexicon::Parse(std::string(file), *ltext);
      if (!lex.ok()) return lex.status();
      pack->lexicons_.emplace(std::string(lname), std::move(*lex));
    } else if (key == "prefilter") {
      if (pack->prefilter_) return Error(b.file, n, "prefilter given twice");
      auto re = b.Compile(rest, n, "prefilter");
      if (!re.ok()) return re.status();
      pack->prefilter_ = std::move(*re);
    } else {
      return Error(b.file, n, "unknown directive '" + std::string(key) + "' (rule, fragment, lexicon, prefilter)");
    }
  }
  if (rule && !rule->match) return Error(b.file, rule->line, "rule " + rule->name + " has no match line");
  if (pack->rules_.empty()) return Error(b.file, 1, "no rules");
  // The triggers go into Sets of at most kSetBudget RE2 instructions each; a
  // trigger bigger than kOwnSearch (one holding a whole lexicon, such as the metric names) is in
  // none: its rule is searched in every text (it named it in most anyway). A DFA state is a set of
  // live threads, and one Set meets the combinations of every rule's threads, so on text it has
  // not seen it builds a state for each new one; smaller Sets build far fewer. Measured on the
  // development corpus (one core, best of five): the rule modules took 0.48 s, against 0.75 s
  // with one Set per pack. The price is a pass over each text per Set: on the bench's repetitive
  // calls, whose states are all built early, 7% more rule-module time (2.60 s against 2.43 s).
  constexpr int kSetBudget = 6000, kOwnSearch = 5000;
  std::vector<int> sums;  // each Set's instructions
  for (size_t id = 0; id < pack->rules_.size(); ++id) {
    Rule& r = *pack->rules_[id];
    for (const auto& [g, idx] : r.match->NamedCapturingGroups()) r.groups[g] = idx;
    r.trigger = r.given_trigger ? r.given_trigger->pattern() : Trigger(r.match->pattern());
    std::string lead;
    r.whole_group = WholeGroup(r.match->pattern(), r.match->NumberOfCapturingGroups(), &lead);
    if (!lead.empty()) {
      r.lead = std::make_unique<RE2>(lead, Opts());
      if (!r.lead->ok() || r.lead->NumberOfCapturingGroups() != r.whole_group) r.whole_group = 0, r.lead.reset();
    }
    int size = r.given_trigger ? r.given_trigger->ProgramSize() : r.match->ProgramSize();
    if (!r.given_trigger && r.trigger != r.match->pattern()) size = RE2(r.trigger, Opts()).ProgramSize();  // -1: Add says why
    if (size > kOwnSearch) {
      pack->everywhere_.push_back(static_cast<uint32_t>(id));
      continue;
    }
    // (the first Set with room: which Set names a rule changes no output, FindAll searches the
    // rules in pack order; filling Sets in pack order alone left some half empty, a pass more)
    size_t k = 0;
    while (k < sums.size() && sums[k] + size > kSetBudget) ++k;
    if (k == sums.size()) pack->sets_.push_back({std::make_unique<RE2::Set>(Opts(), RE2::UNANCHORED), {}}), sums.push_back(0);
    std::string err;
    if (pack->sets_[k].set->Add(r.trigger, &err) < 0) return Error(b.file, r.line, "rule " + r.name + ": " + err);
    pack->sets_[k].rules.push_back(static_cast<uint32_t>(id));
    sums[k] += size;
  }
  for (auto& s : pack->sets_)
    if (!s.set->Compile()) return Error(b.file, 1, "the rules do not fit in RE2::Sets (out of memory)");
  return pack;
}

bool Pack::MayMatch(std::string_view text) const {
  return !prefilter_ || RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *prefilter_);
}

const Lexicon* Pack::lexicon(const std::string& name) const {
  auto it = lexicons_.find(name);
  return it == lexicons_.end() ? nullptr : &it->second;
}

void Pack::FindAll(std::span<const std::string_view> texts, std::span<Matches> out) const {
  // The texts the Sets named each rule for: a Set at a time over every text, so its DFA's states
  // stay in the CPU's caches (a text at a time, the Sets evicted each other's: the metric pack's
  // Sets took 0.40 s on the bench against 0.29 s now, the development corpus's rules 8% longer).
  std::vector<std::vector<uint32_t>> by_rule(rules_.size());
  for (size_t i = 0; i < texts.size(); ++i) out[i].clear(), out[i].searched = true;
  std::vector<int> ids;
  for (const auto& s : sets_)
    for (size_t i = 0; i < texts.size(); ++i)
      if (s.set->Match(re2::StringPiece(texts[i].data(), texts[i].size()), &ids))
        for (int id : ids) by_rule[s.rules[id]].push_back(static_cast<uint32_t>(i));
  for (uint32_t id : everywhere_) {
    by_rule[id].resize(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) by_rule[id][i] = static_cast<uint32_t>(i);
  }
  // (rules in pack order: per text, the order a search of that text alone would give)
  for (size_t id = 0; id < rules_.size(); ++id)
    for (uint32_t i : by_rule[id]) FindRule(*rules_[id], texts[i], &out[i]);
}

bool Rule::KeepsText(std::string_view text) const {
  re2::StringPiece sp(text.data(), text.size());
  return !(unless && RE2::PartialMatch(sp, *unless)) && !(only && !RE2::PartialMatch(sp, *only));
}

bool Rule::KeepsAt(std::string_view text, size_t b, size_t e) const {
  re2::StringPiece sp(text.data(), text.size());
  const size_t from = b > 48 ? b - 48 : 0;
  if (unless_before && RE2::PartialMatch(sp.substr(from, b - from), *unless_before)) return false;
  if (only_before && !RE2::PartialMatch(sp.substr(from, b - from), *only_before)) return false;
  if (unless_after && RE2::PartialMatch(sp.substr(e, 48), *unless_after)) return false;
  return !only_after || RE2::PartialMatch(sp.substr(e, 48), *only_after);
}

void Pack::FindRule(const Rule& r, std::string_view text, Matches* out) const {
  re2::StringPiece sp(text.data(), text.size());
  if (!r.KeepsText(text)) return;
  uint32_t ng = static_cast<uint32_t>(r.match->NumberOfCapturingGroups() + 1);
  size_t pos = 0, rejected_end = 0;  // the end of the last match a guard rejected
  while (pos <= text.size()) {
    size_t g0 = out->groups.size();
    out->groups.resize(g0 + ng);
    if (!r.match->Match(sp, pos, text.size(), RE2::UNANCHORED, &out->groups[g0], r.whole_group ? 1 : static_cast<int>(ng))) {
      out->groups.resize(g0);
      break;
    }
    if (r.whole_group) {
      const size_t mb = out->groups[g0].data() - text.data(), me = mb + out->groups[g0].size();
      // (the span's groups, searched again within it: what RE2 does after finding a span)
      if (r.lead && r.lead->Match(sp, mb, text.size(), RE2::ANCHOR_START, nullptr, 0))
        r.match->Match(sp, mb, me, RE2::ANCHOR_BOTH, &out->groups[g0], static_cast<int>(ng));
      else
        out->groups[g0 + r.whole_group] = out->groups[g0];
    }
    size_t b = out->groups[g0].data() - text.data(), e = b + out->groups[g0].size();
    pos = e > b ? e : b + 1;
    bool keep = e > b;
    if (keep && e <= rejected_end) {  // inside a rejected match: its guard speaks for it too
      out->groups.resize(g0);
      pos = b + 1;
      continue;
    }
    keep = keep && r.KeepsAt(text, b, e);
    if (!keep) {  // a guard rejected it: a later match may start inside it and run past it
      out->groups.resize(g0);  // ("by $150 million to $9.1 billion to $9.3 billion": the range after "by $X to")
      if (e > b) pos = b + 1, rejected_end = e;
      continue;
    }
    out->list.push_back({&r, static_cast<uint32_t>(b), static_cast<uint32_t>(e), static_cast<uint32_t>(g0), ng});
  }
}

}  // namespace callscope::rules
