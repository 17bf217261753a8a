// The rule engine: pack loading (errors name file:line and the RE2 message; no partial pack),
// --rules overrides, the embedded packs' hygiene, and number reading.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "callscope/callscope.h"
#include "rules/engine.h"
#include "rules/pack.h"
#include "rules/modules/quantities.h"

namespace callscope::rules {
namespace {

// The --rules directories this run made, removed when it ends (a run leaves nothing in /tmp).
struct MadeDirs {
  std::vector<std::filesystem::path> paths;
  ~MadeDirs() {
    std::error_code ec;
    for (const auto& p : paths) std::filesystem::remove_all(p, ec);
  }
};

// A --rules directory holding the given files (the rest fall back to the built-in ones).
std::string Dir(const std::vector<std::pair<std::string, std::string>>& files) {
  static MadeDirs made;
  auto d = std::filesystem::temp_directory_path() /
           ("callscope_rules_" + std::to_string(getpid()) + "_" + std::to_string(made.paths.size()));
  std::filesystem::create_directories(d);
  made.paths.push_back(d);
  for (const auto& [name, text] : files) std::ofstream(d / name) << text;
  return d.string();
}

std::string LoadError(const std::string& pack) {
  auto e = Engine::Load(Dir({{"quantities.pack", pack}}));
  REQUIRE(!e.ok());
  CHECK(e.status().code() == Code::kRules);
  return e.status().message();
}

const char* kMinimal =
    "lexicon numword numbers.lex\nlexicon scale scales.lex\nlexicon currency currencies.lex\n"
    "lexicon curword currency_words.lex\nlexicon unitword units.lex\nlexicon fracword fractions.lex\n";

}  // namespace

TEST_CASE("the built-in packs load") {
  auto e = Engine::Load("");
  REQUIRE_MESSAGE(e.ok(), e.status().message());
  CHECK((*e)->module("quantities") != nullptr);
  CHECK((*e)->module("metrics") != nullptr);
}

TEST_CASE("a bad regex is a load error naming file, line and the RE2 message") {
  std::string msg = LoadError(std::string(kMinimal) + "\n# \"x\"\nrule bad\n  match (a|b\n");
  CHECK(msg.find("quantities.pack:10: rule bad: match: missing ): (a|b") != std::string::npos);
}

TEST_CASE("unknown fragments, directives and keys are load errors with file:line") {
  CHECK(LoadError(std::string(kMinimal) + "rule r\n  match {nope}\n").find("quantities.pack:8: unknown fragment or lexicon {nope}") !=
        std::string::npos);
  CHECK(LoadError("regex x y\n").find("quantities.pack:1: unknown directive 'regex'") != std::string::npos);
  CHECK(LoadError("rule r\n  matches x\n").find("quantities.pack:2: unknown rule key 'matches'") != std::string::npos);
  CHECK(LoadError("rule r kind\n  match x\n").find("quantities.pack:1: expected key=value") != std::string::npos);
  CHECK(LoadError("rule r\n\nrule s\n  match x\n").find("quantities.pack:1: rule r has no match line") != std::string::npos);
  CHECK(LoadError("rule r\n  match x\nrule r\n  match y\n").find("quantities.pack:3: rule r defined twice") != std::string::npos);
  CHECK(LoadError("fragment f (x\n").find("quantities.pack:1: fragment f: missing )") != std::string::npos);
  CHECK(LoadError("lexicon w missing.lex\n").find("quantities.pack:1: missing.lex: no such rule file") != std::string::npos);
}

TEST_CASE("a module's own checks fail the load too") {
  CHECK(LoadError("# \"x\"\nrule r\n  match x\n").find("needs a lexicon named {numword}") != std::string::npos);
  auto e = Engine::Load(Dir({{"metrics.pack", "lexicon metric metrics.lex\nlexicon segment segments.lex\nrule r kind=oops\n  match x\n"}}));
  REQUIRE(!e.ok());
  CHECK(e.status().message().find("metrics.pack:3: rule r: kind must be one of") != std::string::npos);
  auto as = Engine::Load(Dir({{"metrics.pack", "lexicon metric metrics.lex\nlexicon segment segments.lex\nrule r kind=metric as=nope\n  match (?P<metric>x)\n"}}));
  REQUIRE(!as.ok());
  CHECK(as.status().message().find("metrics.pack:3: rule r: as=nope is no metric of metrics.lex") != std::string::npos);
}

TEST_CASE("{lexicon:KIND} is the lexicon's terms under [kind=KIND] only") {
  Lexicon lex = *Lexicon::Parse("t.lex", "[kind=region]\nEurope\nNorth America\n[kind=not]\nWe|And\n");
  CHECK(lex.Regex() == "(?:And|Europe|North[\\s-]+America|We)");
  CHECK(lex.Regex("region") == "(?:Europe|North[\\s-]+America)");
  CHECK(LoadError(std::string(kMinimal) + "rule r\n  match {scale:nokind}\n").find("{scale:nokind}: no terms of that kind") !=
        std::string::npos);
}

TEST_CASE("lexicon terms: dictionary order, a term before the terms it begins, so the longest one wins") {
  Lexicon lex = *Lexicon::Parse("t.lex", "operating\nop|opex\noperating margin|Operating Income\nrevenue|revenues\n");
  CHECK(lex.Regex() == "(?:Operating[\\s-]+Income|operating[\\s-]+margin|operating|opex|op|revenues|revenue)");
  RE2 re("(?i)\\b(" + lex.Regex() + ")");
  std::string m;
  CHECK((RE2::PartialMatch("Our operating  margin was", re, &m) && m == "operating  margin"));
  CHECK((RE2::PartialMatch("operating-income rose", re, &m) && m == "operating-income"));
  CHECK((RE2::PartialMatch("operating costs", re, &m) && m == "operating"));
  CHECK((RE2::PartialMatch("Revenues grew", re, &m) && m == "Revenues"));
}

TEST_CASE("only_before: a match kept only after what it matches") {
  const std::string dir = Dir({{"t.pack", "# \"a dividend of 20p\"\nrule pence\n  match \\b\\d+p\\b\n  only_before (?i)\\bdividend\\s+of\\s+$\n"}});
  auto pack = Pack::Load(Source(dir), "t");
  REQUIRE_MESSAGE(pack.ok(), pack.status().message());
  const std::vector<std::string_view> texts = {"An interim dividend of 20p, and a dividend of 5p.", "Streams in 1080p."};
  std::vector<Matches> out(texts.size());
  (*pack)->FindAll(texts, out);
  REQUIRE(out[0].list.size() == 2);
  CHECK(out[0].list[0].begin == 23);
  CHECK(out[0].list[1].begin == 46);
  CHECK(out[1].list.empty());
}

TEST_CASE("only: a rule on only for a sentence it matches; only_after: a match kept only before what it matches") {
  const std::string dir = Dir({{"t.pack",
                                "# \"sales grew in the high teens\"\nrule in_the\n  match \\bgrew\\s+in\\s+the\n"
                                "  only_after ^\\s+(?:low|mid|high)\\b\n"
                                "# \"costs are flat to down\"\nrule flat_to\n  match \\b(?:is|are)\\b\n  only \\bflat\\s+to\\b\n"}});
  auto pack = Pack::Load(Source(dir), "t");
  REQUIRE_MESSAGE(pack.ok(), pack.status().message());
  const std::vector<std::string_view> texts = {"Sales grew in the high teens.", "Sales grew in the quarter.",
                                               "Costs are flat to down, as is the rest.", "It is what it is."};
  std::vector<Matches> out(texts.size());
  (*pack)->FindAll(texts, out);
  auto names = [&](size_t i) {
    std::string all;
    for (const Match& m : out[i].list) all += m.rule->name + "@" + std::to_string(m.begin) + " ";
    return all;
  };
  CHECK(names(0) == "in_the@6 ");                  // followed by "high": kept
  CHECK(names(1).empty());                         // followed by "quarter": dropped
  CHECK(names(2) == "flat_to@6 flat_to@27 ");      // "flat to" in the sentence: every match
  CHECK(names(3).empty());                         // no "flat to": the rule is off
  CHECK(LoadError(std::string(kMinimal) + "# \"x\"\nrule r\n  match x\n  only (\n").find("quantities.pack:10: rule r: only: missing )") !=
        std::string::npos);
}

TEST_CASE("trigger: what the pack's Sets look for on a rule's behalf, given by the pack") {
  // A trigger every match of the rule holds ("for", after a long alternation) names the rule for
  // the sentences that hold it; the rule's own regex then decides. (A trigger a match does not
  // hold would lose that match: a pack's trigger is its author's promise, checked by its cases.)
  const std::string dir = Dir({{"t.pack",
                                "# \"revenue for Harbor\"\nrule for_name\n  match (?i:revenue|sales|income)\\s+for\\s+(?P<seg>[A-Z]\\w+)\n"
                                "  trigger \\sfor\\s+[A-Z]\n"
                                "# (a trigger no text holds: the rule is never searched)\nrule never\n  match (?i)\\bsales\\b\n  trigger zzzz\n"}});
  auto pack = Pack::Load(Source(dir), "t");
  REQUIRE_MESSAGE(pack.ok(), pack.status().message());
  CHECK((*pack)->rules()[0]->trigger == "\\sfor\\s+[A-Z]");
  const std::vector<std::string_view> texts = {"Sales for Harbor rose.", "Sales rose for the group."};
  std::vector<Matches> out(texts.size());
  (*pack)->FindAll(texts, out);
  REQUIRE(out[0].list.size() == 1);
  CHECK(out[0].list[0].rule->name == "for_name");
  CHECK(out[0].Group(out[0].list[0], "seg") == "Harbor");
  CHECK(out[1].list.empty());  // "for the": the trigger names no rule; "sales" is never searched
  CHECK(LoadError(std::string(kMinimal) + "# \"x\"\nrule r\n  match x\n  trigger (\n").find("quantities.pack:10: rule r: trigger: missing )") !=
        std::string::npos);
}

TEST_CASE("a lexicon listing a term twice is a load error with file:line") {
  auto e = Engine::Load(Dir({{"scales.lex", "[exp=3]\nthousand|k\n[exp=6]\nmillion|K\n"}}));
  REQUIRE(!e.ok());
  CHECK(e.status().message() == "scales.lex:4: term 'K' already listed under 'thousand'");
}

TEST_CASE("--rules DIR overrides one file; the others stay built in") {
  auto e = Engine::Load(Dir({{"scales.lex", "[exp=3]\nthousand|k\n[exp=6]\nmillion|m|lakh\n"}}));
  REQUIRE_MESSAGE(e.ok(), e.status().message());
  Analysis a;
  a.participants.push_back({});
  a.turns.push_back({});
  a.turns[0].text = "Sales were $5 lakh.";
  a.sentences.push_back({0, 0, static_cast<uint32_t>(a.turns[0].text.size())});
  (*e)->Run(&a);
  REQUIRE(a.tags.quantities.size() == 1);
  CHECK(a.tags.quantities[0].value == 5e6);
  auto bad = Analyzer::Create({.rules_dir = Dir({{"metrics.pack", "rule r\n  match (\n"}})});
  REQUIRE(!bad.ok());
  CHECK(bad.status().code() == Code::kRules);
}

TEST_CASE("every rule in the built-in packs has a comment with an example right above it") {
  auto engine = Engine::Load("");
  REQUIRE(engine.ok());
  for (const auto& f : std::filesystem::directory_iterator("src/rules/data")) {
    // Packs of modules not registered yet (work in progress) are checked once they are.
    if (f.path().extension() != ".pack" || !(*engine)->module(f.path().stem().string())) continue;
    std::ifstream in(f.path());
    std::string line, prev;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.rfind("rule ", 0) == 0)
        CHECK_MESSAGE(prev.rfind("#", 0) == 0, f.path().string() << ":" << n << ": no example comment above the rule");
      if (!line.empty()) prev = line;
    }
  }
}

TEST_CASE("numbers: digits, separators, vendor corrections, spoken forms, decimal scaling") {
  Source src("");
  auto lex = Lexicon::Parse("numbers.lex", *src.Read("numbers.lex"));
  REQUIRE(lex.ok());
  CHECK(ParseNumber("6,830", 0, &*lex) == 6830);
  CHECK(ParseNumber("[18] (corrected by Company)", 6, &*lex) == 18e6);
  CHECK(ParseNumber("2.1", 9, &*lex) == 2.1e9);  // exactly, not 2.1 * 1e9
  CHECK(ParseNumber("0.27", 0, &*lex) == 0.27);
  CHECK(ParseNumber("nine hundred forty seven", 6, &*lex) == 947e6);
  CHECK(ParseNumber("forty-seven", 0, &*lex) == 47);
  CHECK(ParseNumber("two thousand and five", 0, &*lex) == 2005);
  CHECK(ParseNumber("one point five", 0, &*lex) == 1.5);
  CHECK(!ParseNumber("several", 0, &*lex));
  CHECK(FormatNumber(947e6) == "947000000");
  CHECK(FormatNumber(0.27) == "0.27");
}

}  // namespace callscope::rules
