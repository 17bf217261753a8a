// Stage 4a: rule packs and lexicons, the data every tagging module is made of (formats in
// data/README.md). A Pack is compiled once into a few RE2::Sets (which rules can match a sentence)
// plus one RE2 per rule (where, with named groups); it is read-only afterwards.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "callscope/status.h"

namespace callscope::rules {

// Where pack files come from: a directory given with --rules (file by file), else the copies
// embedded in the binary at build time.
class Source {
 public:
  explicit Source(std::string dir) : dir_(std::move(dir)) {}
  Result<std::string> Read(const std::string& name) const;

 private:
  std::string dir_;
};

// `canonical|synonym|synonym` a line; `[key=value ...]` sets attributes for the lines below.
class Lexicon {
 public:
  struct Entry {
    std::string canonical;
    std::vector<std::string> terms;  // canonical first
    std::map<std::string, std::string> attrs;
    std::string Attr(const std::string& key, const std::string& dflt = "") const {
      auto it = attrs.find(key);
      return it == attrs.end() ? dflt : it->second;
    }
    // The name output says: `as=` when set ("net loss" is net_income, negative), else canonical.
    std::string Name() const { return Attr("as", canonical); }
  };
  static Result<Lexicon> Parse(const std::string& file, std::string_view text);
  // Case-insensitive; runs of spaces and hyphens compare equal. nullptr when absent.
  const Entry* Find(std::string_view term) const;
  const std::vector<Entry>& entries() const { return entries_; }
  // Every term (or only those under [kind=KIND]), longest first, as one non-capturing alternation.
  std::string Regex(std::string_view kind = {}) const;
  static std::string Key(std::string_view term);

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> index_;
};

struct Rule {
  std::string name;
  std::string file;
  int line = 0;
  std::map<std::string, std::string> attrs;
  std::unique_ptr<RE2> match, unless, only, unless_before, only_before, unless_after, only_after;
  std::unique_ptr<RE2> given_trigger;  // the pack's own trigger (`trigger`), if it gives one
  std::string trigger;  // what the pack's Set looks for (rules/trigger.h), else given_trigger's pattern
  // The group that spans the whole match, 0 if none; the pattern with its optional lead required,
  // if it has one: a match that can start so is searched again for its groups (rules/trigger.h).
  int whole_group = 0;
  std::unique_ptr<RE2> lead;
  std::map<std::string, int> groups;  // named capture group -> index

  std::string Attr(const std::string& key, const std::string& dflt = "") const {
    auto it = attrs.find(key);
    return it == attrs.end() ? dflt : it->second;
  }
  int Group(const std::string& group) const {
    auto it = groups.find(group);
    return it == groups.end() ? -1 : it->second;
  }
  // Whether the guards read around a match (unless_before, only_before, unless_after, only_after) let the match
  // [b, e) of `text` stand; `unless` and `only` are read over the whole text, before any search.
  bool KeepsAt(std::string_view text, size_t b, size_t e) const;
  bool KeepsText(std::string_view text) const;
  bool Guarded() const { return unless || only || unless_before || only_before || unless_after || only_after; }
};

// One match of one rule: span in the searched text and its capture groups.
struct Match {
  const Rule* rule = nullptr;
  uint32_t begin = 0, end = 0;
  uint32_t group0 = 0;  // index of group 0 in Matches::groups
  uint32_t ngroups = 0;
};

// Reused across sentences of one call so the hot path does not allocate.
struct Matches {
  std::vector<Match> list;
  std::vector<re2::StringPiece> groups;
  std::string_view Group(const Match& m, const std::string& group) const {
    int g = m.rule->Group(group);
    if (g < 0 || static_cast<uint32_t>(g) >= m.ngroups) return {};
    const re2::StringPiece& sp = groups[m.group0 + g];
    return sp.data() ? std::string_view(sp.data(), sp.size()) : std::string_view();
  }
  bool searched = false;  // FindAll ran on the text (the module wanted the sentence)
  void clear() { list.clear(), groups.clear(), searched = false; }
};

class Pack {
 public:
  // Loads `<name>.pack` and the lexicons it names. Errors read "file:line: message".
  static Result<std::unique_ptr<Pack>> Load(const Source& src, const std::string& name);

  // Every match of every rule (guards applied), overlapping ones included, in out[i] (cleared
  // first) for texts[i]; per text, rule by rule in pack order, each rule's in text order. The Sets
  // run over every text, then each rule over the texts they named, so one RE2's DFA states stay in
  // cache while it runs (a text at a time, the Sets and the rules evict each other's states).
  void FindAll(std::span<const std::string_view> texts, std::span<Matches> out) const;
  // True when the pack's prefilter (if any) says the text may hold a match.
  bool MayMatch(std::string_view text) const;

  const std::string& name() const { return name_; }
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Lexicon* lexicon(const std::string& name) const;  // by its {name} in the pack
  size_t sets() const { return sets_.size(); }
  size_t searched_everywhere() const { return everywhere_.size(); }

 private:
  void FindRule(const Rule& r, std::string_view text, Matches* out) const;  // one rule's matches

  std::string name_;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::map<std::string, Lexicon> lexicons_;
  std::unique_ptr<RE2> prefilter_;
  struct Set {
    std::unique_ptr<RE2::Set> set;
    std::vector<uint32_t> rules;  // Set index -> rule index
  };
  std::vector<Set> sets_;            // the rules' triggers, split (Load says why)
  std::vector<uint32_t> everywhere_;  // rules in no Set: searched in every text
};

}  // namespace callscope::rules
