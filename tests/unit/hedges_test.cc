// Per-speaker counts and user lexicons (src/rules/modules/speakers.cc), the hedge and non-answer
// modules on a small made-up call, and the pack checks. Rule-by-rule cases live in tests/rules/.
#include <doctest/doctest.h>

#include <algorithm>

#include "rules/engine.h"
#include "rules/modules/speakers.h"
#include "segment/segment.h"

using namespace callscope;

namespace {

// A call in miniature: the CFO's prepared remarks, an analyst's question, the CFO's answer.
Analysis MiniCall() {
  Analysis a;
  a.participants = {{0, "Operator", "", "", Role::kOperator, {}},
                    {1, "Jane Roe", "Acme", "CFO", Role::kExecutive, {}},
                    {2, "Sam Poe", "Bank", "Analyst", Role::kAnalyst, {}}};
  auto turn = [&](int speaker, Section s, std::string text) {
    Turn t;
    t.index = static_cast<int>(a.turns.size());
    t.speaker = speaker;
    t.section = s;
    t.text = std::move(text);
    a.turns.push_back(std::move(t));
  };
  turn(1, Section::kPresentation, "Revenue was approximately $90 million. We will always invest in growth.");
  turn(0, Section::kQa, "Our first question comes from Sam Poe.");
  turn(2, Section::kQa, "Could you walk us through the headwinds? Is litigation a risk?");
  turn(1, Section::kQa, "I think it could be a headwind. We don't break out litigation costs.");
  Exchange e;
  e.index = 0;
  e.analyst = 2;
  e.turns = {2, 3};
  e.responders = {1};
  a.exchanges.push_back(e);
  segment::SplitSentences(&a);
  return a;
}

int Count(const std::vector<Hedge>& hs, const std::string& cat) {
  return static_cast<int>(std::count_if(hs.begin(), hs.end(), [&](const Hedge& h) { return h.category == cat; }));
}

}  // namespace

TEST_CASE("hedges and non-answers on a mini call, counted per speaker and section") {
  auto engine = rules::Engine::Load("");
  REQUIRE(engine.ok());
  Analysis a = MiniCall();
  (*engine)->Run(&a);
  rules::ComputeSpeakers(&a);

  // "approximately", "I think", "could"; nothing from the analyst's "Could you walk us through".
  CHECK(Count(a.tags.hedges, "approximator") == 1);
  CHECK(Count(a.tags.hedges, "verb") == 1);
  CHECK(Count(a.tags.hedges, "modal") == 1);
  for (const auto& h : a.tags.hedges) CHECK(h.speaker == 1);

  REQUIRE(a.tags.nonanswers.size() == 1);
  const NonAnswer& n = a.tags.nonanswers[0];
  CHECK(n.category == "refuse");
  CHECK(n.exchange == 0);
  CHECK(a.turns[n.turn].text.substr(n.start, n.end - n.start) == n.phrase);

  REQUIRE(a.tags.speakers.size() == 3);
  const SpeakerStats& cfo = a.tags.speakers[1];
  CHECK(cfo.all.turns == 2);
  CHECK(cfo.all.words == cfo.presentation.words + cfo.qa.words);
  CHECK(cfo.presentation.hedges == 1);
  CHECK(cfo.qa.hedges == 2);
  CHECK(cfo.qa.hedges_by_category.at("verb") == 1);
  CHECK(cfo.qa.nonanswers == 1);
  CHECK(a.tags.speakers[2].all.hedges == 0);
  // The call totals leave the operator out.
  CHECK(a.tags.call.turns == 3);
  CHECK(a.tags.call.hedges == 3);
}

TEST_CASE("Loughran-McDonald CSV: categories from non-zero columns, removed words left out") {
  auto lm = rules::LoadUserLexicon("lm=tests/rules/hedges_lm_sample.csv");
  REQUIRE(lm.ok());
  CHECK(lm->categories.front() == "lm.negative");
  CHECK(std::find(lm->categories.begin(), lm->categories.end(), "lm.weak_modal") != lm->categories.end());
  REQUIRE(lm->words.count("COULD"));
  CHECK(lm->words.at("COULD").size() == 2);      // uncertainty and weak modal
  CHECK(lm->words.count("QUESTION") == 0);        // -2020: removed from Negative
  CHECK(lm->words.count("ALWAYS") == 1);

  auto plain = rules::LoadUserLexicon("winds=tests/rules/hedges_wordlist.txt");
  REQUIRE(plain.ok());
  CHECK(plain->categories == std::vector<std::string>{"winds"});
  CHECK(plain->words.count("HEADWINDS") == 1);

  Analysis a = MiniCall();
  rules::ComputeSpeakers(&a);
  rules::CountLexicons({*lm, *plain}, &a);
  const SpeakerStats& cfo = a.tags.speakers[1];
  CHECK(cfo.all.lexicons.at("lm.uncertainty") == 2);  // "approximately", "could"
  CHECK(cfo.all.lexicons.at("lm.strong_modal") == 2);  // "will", "always"
  CHECK(cfo.qa.lexicons.at("lm.litigious") == 1);
  CHECK(cfo.qa.lexicons.at("winds") == 1);             // "headwind"
  CHECK(a.tags.speakers[2].all.lexicons.at("winds") == 1);  // the analyst's "headwinds"
  CHECK(a.tags.call.lexicons.at("lm.litigious") == 2);
  // A word list counts the analyst's request "Could you walk us through" as a weak modal; the
  // hedges module does not.
  CHECK(a.tags.call.lexicons.at("lm.weak_modal") == 2);
}

TEST_CASE("user lexicon errors name the file and line") {
  CHECK(rules::LoadUserLexicon("lm").status().code() == Code::kUsage);
  CHECK(rules::LoadUserLexicon("bad name=x").status().code() == Code::kUsage);
  auto missing = rules::LoadUserLexicon("lm=tests/rules/no_such_file.csv");
  CHECK(missing.status().code() == Code::kRules);
  CHECK(missing.status().message().find("no_such_file.csv") != std::string::npos);
}
