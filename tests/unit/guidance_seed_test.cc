// Guidance on the seed call (corpora/se_final_juniper_q3_2008.txt): the CFO's outlook paragraph,
// complete and exact, and nothing from the analysts' turns (issue 4, "Done when").
#include <doctest/doctest.h>

#include <algorithm>

#include "callscope/callscope.h"
#include "rules/modules/guidance.h"

using namespace callscope;

TEST_CASE("seed call: the outlook is complete and exact, and no analyst gives guidance") {
  auto analyzer = Analyzer::Create({});
  REQUIRE(analyzer.ok());
  auto a = (*analyzer)->AnalyzeFile("corpora/se_final_juniper_q3_2008.txt");
  REQUIRE(a.ok());
  std::vector<std::string> got;
  for (const auto& g : a->tags.guidance) {
    CHECK(a->speaker(a->turns[g.turn]).role == Role::kExecutive);
    CHECK(a->turns[g.turn].text.substr(g.start, g.end - g.start) == g.quote);
    if (!g.qualitative) got.push_back(rules::Describe(g));
  }
  const std::vector<std::string> want = {
      "guidance revenue = 921000000..971000000 USD; period Q4 2008",
      "guidance eps = 0.3..0.33 USD/share; period Q4 2008; basis non-GAAP; condition includes a $0.01 one time benefit "
      "from the renewal of the US federal R&D tax credits in October 2008",
      "guidance tax_rate = 27 %; period Q4 2008; basis non-GAAP",
      "guidance gross_margin = 66..68 %; period Q4 2008; basis non-GAAP",
      "guidance operating_margin = 25 %; period Q4 2008; basis non-GAAP; qualifier at least",
      "guidance share_count = 545000000 shares; period Q4 2008",
      "guidance revenue = 3570000000..3620000000 USD; period FY 2008",
      "guidance eps = 1.17..1.2 USD/share; period FY 2008; basis non-GAAP; revision raised; prior 1.14..1.17",
      "guidance tax_rate = 28.5 %; period FY 2008; basis non-GAAP; revision lowered; prior 29",
  };
  CHECK(got == want);
  for (size_t i = 0; i < std::max(got.size(), want.size()); ++i)
    CHECK_MESSAGE((i < got.size() && i < want.size() && got[i] == want[i]), "item ", i, ": got '",
                  (i < got.size() ? got[i] : "-"), "', want '", (i < want.size() ? want[i] : "-"), "'");
}

TEST_CASE("seed call: qualitative guidance is flagged, with its metric and period") {
  auto analyzer = Analyzer::Create({});
  REQUIRE(analyzer.ok());
  auto a = (*analyzer)->AnalyzeFile("corpora/se_final_juniper_q3_2008.txt");
  REQUIRE(a.ok());
  auto it = std::find_if(a->tags.guidance.begin(), a->tags.guidance.end(),
                         [](const Guidance& g) { return g.qualitative; });
  REQUIRE(it != a->tags.guidance.end());
  CHECK(rules::Describe(*it) == "guidance operating_margin; period Q4 2008; qualitative");
  CHECK(it->quote.find("sustain these operating margins into Q4") != std::string::npos);
}
