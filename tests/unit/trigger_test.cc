// Trigger(): the part of a rule's regex a pack's RE2::Set looks for (rules/trigger.h).
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "rules/engine.h"
#include "rules/trigger.h"

namespace callscope::rules {
namespace {

// Every input and expected line of the rule case files (tests/rules/*.test).
std::vector<std::string> RuleCaseLines() {
  std::vector<std::string> texts;
  for (const auto& f : std::filesystem::directory_iterator("tests/rules")) {
    std::ifstream in(f.path());
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#' && line != "----") texts.push_back(line);
  }
  return texts;
}

}  // namespace

TEST_CASE("trigger: each alternative is cut before its first gap") {
  // a class of "all but" that steps over blanks, any character, a group of words
  CHECK(Trigger(R"((?i)\b(?:was|were)\b[^.;]{0,90}\bguidance\b)") == R"((?i)\b(?:was|were)\b)");
  CHECK(Trigger(R"(\bbased\s+on\b.*)") == R"(\bbased\s+on\b)");
  CHECK(Trigger(R"((?i)\bnarrow(?:ed|s)?\s+(?:\S+\s+){0,5}?(?:guidance|range)\b)") == R"((?i)\bnarrow(?:ed|s)?\s+)");
  // alternatives independently, in order (so a leading (?i) still covers them all)
  CHECK(Trigger(R"((?i)\ba\b[^.]{0,40}\bb\b|\bc\b|\bd\b[^.]*\be\b)") == R"((?i)\ba\b|\bc\b|\bd\b)");
}

TEST_CASE("trigger: what is not a gap stays") {
  // loops inside one word, short loops, a class that leaves out blanks, gaps nested in a group
  for (const char* re : {R"(\bdivest\w*\b[a-z]+)", R"(\bup\b[^.]{0,2}\bby\b)", R"(\bQ[^\s.]+\b)",
                         R"(\bfoo(?:\s*\(by [^)]{1,40}\))?\s+bar)", R"(\d+(?:,\d{3})*)"})
    CHECK(Trigger(re) == re);
}

TEST_CASE("trigger: an alternative whose cut would match nearly any text is kept whole") {
  CHECK(Trigger(R"(\b[^.]{0,40}\bguidance)") == R"(\b[^.]{0,40}\bguidance)");
  CHECK(Trigger(R"((?:our\s+)?.*\btarget)") == R"((?:our\s+)?.*\btarget)");
  CHECK(Trigger(R"(\bx\b[^.]*y|(?i)\s*[^.]{0,9}z)") == R"(\bx\b|(?i)\s*[^.]{0,9}z)");
}

TEST_CASE("trigger: a pattern it cannot read is returned unchanged") {
  for (const char* re : {R"(\Qa.b\E[^.]*c)", "(unclosed[^.]*", R"([^.]*[)", R"(a\)"}) CHECK(Trigger(re) == re);
  CHECK(Trigger("") == "");
  // a quantifier on a UTF-8 character is not split from it
  CHECK(Trigger("€+[^.]{0,9}x") == "€+");
}

TEST_CASE("trigger: a pattern whose match is one group, after an optional lead or none") {
  std::string lead;
  CHECK(WholeGroup(R"((?i)\b(?P<metric>revenue|net\s+sales)\b)", 1, &lead) == 1);
  CHECK(lead.empty());
  CHECK(WholeGroup(R"((?P<x>a(?:b|c)))", 1, &lead) == 1);
  CHECK(WholeGroup(R"((?i)(?:(?P<seg>[A-Z]+)(?:'s)?\s+(?:(?P<seg2>x)\s+)?)?\b(?P<metric>revenue)\b)", 3, &lead) == 3);
  CHECK(lead == R"((?i)(?:(?P<seg>[A-Z]+)(?:'s)?\s+(?:(?P<seg2>x)\s+)?)\b(?P<metric>revenue)\b)");  // the lead required
  for (const char* re : {R"((?P<x>a)b)", R"((?P<x>a)?)", R"(\b(?P<x>a)\s)", R"((?:a)(?P<x>b))", R"((?P<x>a\))",
                         R"((?:a)??(?P<x>b))", R"((?:a)(?P<x>b)?)", R"((?:a)?(?P<x>b)c)"})
    CHECK_MESSAGE(WholeGroup(re, 1, &lead) == 0, re);
}

// Such rules are searched for their span alone, the group copied from it (or, after a lead that
// can open the span, searched again within it): the groups a submatch search from the match's
// start gives, on every rule case input.
TEST_CASE("pack: a whole-group rule's groups are what a submatch search finds") {
  const std::vector<std::string> texts = RuleCaseLines();
  std::vector<std::string_view> views(texts.begin(), texts.end());
  int rules = 0, leads = 0, checked = 0, led = 0;  // (led: matches that can start with the lead, searched again)
  for (const char* name : {"quantities", "metrics", "guidance", "hedges", "nonanswers"}) {
    auto pack = Pack::Load(Source(""), name);
    REQUIRE(pack.ok());
    std::vector<Matches> out(texts.size());
    (*pack)->FindAll(views, out);
    for (const auto& r : (*pack)->rules()) {
      if (!r->whole_group) continue;
      ++rules, leads += r->lead != nullptr;
      const int ng = r->match->NumberOfCapturingGroups() + 1;
      // each match FindAll kept, searched again from where it starts with every group asked for
      for (size_t i = 0; i < texts.size(); ++i)
        for (const Match& m : out[i].list) {
          if (m.rule != r.get()) continue;
          std::vector<re2::StringPiece> want(ng);
          REQUIRE(r->match->Match(texts[i], m.begin, texts[i].size(), RE2::UNANCHORED, want.data(), ng));
          CHECK(want[0].data() - texts[i].data() == m.begin);
          CHECK(want[0].size() == m.end - m.begin);
          for (const auto& [g, idx] : r->groups) {
            std::string_view w = want[idx].data() ? std::string_view(want[idx].data(), want[idx].size()) : std::string_view();
            CHECK_MESSAGE(out[i].Group(m, g) == w, r->name << " " << g << ": " << texts[i]);
          }
          ++checked;
          led += r->lead && r->lead->Match(texts[i], m.begin, texts[i].size(), RE2::ANCHOR_START, nullptr, 0);
        }
    }
  }
  CHECK(rules >= 2);
  CHECK(leads >= 1);
  CHECK(checked > 200);
  CHECK(led > 20);
  MESSAGE(checked << " matches of " << rules << " whole-group rules checked, " << led << " that can start with a lead");
}

// Every rule of the built-in packs against every rule case input: where the rule matches (and is
// on: its `only` matches, its `unless` does not), its trigger does too (else the Set would hide a
// match from the module). Cut triggers and the packs' own (`trigger`) alike.
TEST_CASE("trigger: built-in rules match nothing their triggers miss, on every rule case") {
  auto engine = Engine::Load("");
  REQUIRE(engine.ok());
  const std::vector<std::string> texts = RuleCaseLines();
  REQUIRE(texts.size() > 500);
  int rules = 0, cut = 0, matched = 0;
  for (const char* name : {"quantities", "metrics", "guidance", "hedges", "nonanswers"}) {
    auto pack = Pack::Load(Source(""), name);
    REQUIRE(pack.ok());
    for (const auto& r : (*pack)->rules()) {
      ++rules;
      if (r->trigger == r->match->pattern()) continue;
      ++cut;
      RE2 trig(r->trigger);
      REQUIRE(trig.ok());
      for (const auto& text : texts)
        if (RE2::PartialMatch(text, *r->match) && (!r->only || RE2::PartialMatch(text, *r->only)) &&
            (!r->unless || !RE2::PartialMatch(text, *r->unless))) {
          ++matched;
          CHECK_MESSAGE(RE2::PartialMatch(text, trig), name << " rule " << r->name << ": \"" << text << "\"");
        }
    }
  }
  CHECK(cut >= 10);  // the guidance pack's gaps at least
  CHECK(matched > 100);
  MESSAGE(rules << " rules, " << cut << " cut, " << matched << " matches checked");
}

// The Sets are split and the biggest triggers left out of them (Pack::Load says why): FindAll
// still reports every unguarded rule wherever its regex matches, the same as searching each rule.
TEST_CASE("pack: split Sets and rules searched everywhere lose no match") {
  const std::vector<std::string> texts = RuleCaseLines();
  std::vector<std::string_view> views(texts.begin(), texts.end());
  int checked = 0;
  for (const char* name : {"quantities", "metrics", "guidance", "hedges", "nonanswers"}) {
    auto pack = Pack::Load(Source(""), name);
    REQUIRE(pack.ok());
    const Pack& p = **pack;
    if (std::string(name) == "metrics") CHECK((p.sets() > 1 && p.searched_everywhere() > 0));
    std::vector<Matches> out(texts.size());
    p.FindAll(views, out);
    for (size_t i = 0; i < texts.size(); ++i)
      for (const auto& r : p.rules()) {
        if (r->unless || r->only || r->unless_before || r->only_before || r->unless_after || r->only_after || !RE2::PartialMatch(texts[i], *r->match)) continue;
        ++checked;
        bool found = false;
        for (const Match& m : out[i].list) found |= m.rule == r.get();
        CHECK_MESSAGE(found, name << " rule " << r->name << ": \"" << texts[i] << "\"");
      }
  }
  CHECK(checked > 1000);
  MESSAGE(checked << " rule matches found by FindAll");
}

}  // namespace callscope::rules
