// The seed call's metrics (corpora/se_final_juniper_q3_2008.txt, the CFO's remarks full of
// numbers) against tests/rules/se_final_juniper_q3_2008.metrics, one Describe() line per metric
// for a reader to check against the transcript. CALLSCOPE_UPDATE_METRICS=1 rewrites the file.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "callscope/callscope.h"
#include "rules/engine.h"

namespace callscope::rules {

TEST_CASE("seed call: Juniper Q3 2008 metrics") {
  auto an = Analyzer::Create({});
  REQUIRE(an.ok());
  auto a = (*an)->AnalyzeFile("corpora/se_final_juniper_q3_2008.txt");
  REQUIRE(a.ok());
  std::vector<std::string> got;
  for (const auto& m : a->tags.metrics) got.push_back(Describe(m));
  const char* golden = "tests/rules/se_final_juniper_q3_2008.metrics";
  if (std::getenv("CALLSCOPE_UPDATE_METRICS")) {
    std::ofstream out(golden);
    for (const auto& l : got) out << l << "\n";
  }
  std::ifstream in(golden);
  std::vector<std::string> want;
  for (std::string l; std::getline(in, l);) want.push_back(l);
  CHECK(got == want);
  // The list, each with metric, value, unit, period and basis.
  for (const char* line : {
           "metric revenue = 947000000 USD; period Q3 2008; basis GAAP; yoy change 29 %; qoq change 8 %",
           "metric net_income = 148500000 USD; period Q3 2008; basis GAAP",
           "metric eps = 0.27 USD/share; period Q3 2008; basis GAAP; yoy change 77 % (Q3 2007); yoy from 0.15 USD/share (Q3 2007)",
           "metric eps = 0.32 USD/share; period Q3 2008; basis non-GAAP; qoq change 0.04 USD/share (Q2 2008); yoy change 0.1 USD/share; yoy from 0.22 USD/share",
           "metric operating_margin = 25.1 %; period Q3 2008; basis non-GAAP",
           "metric gross_margin = 68 %; period Q3 2008; basis non-GAAP",
           "metric r_and_d = 181200000 USD; period Q3 2008; basis non-GAAP; yoy change 15 %",
           "metric r_and_d = 19.1 %; period Q3 2008; basis non-GAAP; share_of revenue",
           "metric cash_and_investments = ~2100000000 USD; period Q3 2008; qoq from 2300000000 USD (Q2 2008)",
           "metric dso = 35 days; period Q3 2008; qoq from 43 days (Q2 2008)",
           "metric headcount = 6830 count; period Q3 2008; vs_prior change 299 count",
           "metric deferred_revenue = 562500000 USD; period Q3 2008; qoq from 592800000 USD (Q2 2008)",
       })
    CHECK_MESSAGE(std::find(got.begin(), got.end(), line) != got.end(), "missing: " << std::string(line));
  // Analysts' numbers are not reported metrics; every tag is management's.
  for (const auto& m : a->tags.metrics) CHECK(a->participants[m.speaker].role != Role::kAnalyst);
}

}  // namespace callscope::rules
