// Metrics across the turns of the questions and answers, which the rule cases (one speaker's
// sentences) cannot show: an answer looks ahead to the period its question named, and gives the
// metric its question named to the figure it opens on.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "callscope/callscope.h"
#include "rules/engine.h"
#include "rules/modules/guidance.h"
#include "rules/modules/phrases.h"

namespace callscope::rules {
namespace {

// The metrics of a short call whose Q&A is `qa` ("Name: text" lines after an analyst's question).
std::vector<std::string> QaMetrics(const std::string& qa, bool guidance = false) {
  const std::string call =
      "Operator: Welcome to the Tallgrass third quarter 2025 earnings call. I will now hand over to Jane Smith.\n"
      "Jane Smith: Thank you. Revenue was $1.2 billion in the quarter.\n"
      "Operator: We will now open the floor for questions. Our first question comes from Bob Lee with Keel Capital.\n" +
      qa;
  auto an = Analyzer::Create({});
  REQUIRE(an.ok());
  auto r = (*an)->Analyze(call, "call.txt");
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  REQUIRE(r->call.fiscal_period == "Q3 2025");
  std::vector<std::string> got;
  if (guidance) {
    for (const auto& g : r->tags.guidance) got.push_back(Describe(g));
    return got;
  }
  for (const auto& m : r->tags.metrics) got.push_back(Describe(m));
  return got;
}

}  // namespace

TEST_CASE("an answer's forecast with no period is the period still to come its question named") {
  CHECK(QaMetrics("Bob Lee: And on the fourth quarter?\n"
                  "Jane Smith: We're looking at revenue somewhere in the $1.25 billion to $1.3 billion range, and we'd "
                  "expect gross margin to tick up maybe 50 basis points sequentially.\n") ==
        std::vector<std::string>{"metric revenue = 1200000000 USD; period Q3 2025",
                                 "metric revenue = 1250000000..1300000000 USD; period Q4 2025",
                                 "metric gross_margin = - %; period Q4 2025; qoq change 50 bp"});
  CHECK(QaMetrics("Bob Lee: How are you thinking about next year?\n"
                  "Jane Smith: We expect revenue growth of 5% to 7%.\n")
            .back() == "metric revenue = - USD; period FY 2026; vs_prior change 5..7 %");
  // a result said in the answer keeps the call's quarter; a period the answer names wins
  CHECK(QaMetrics("Bob Lee: And on the fourth quarter?\n"
                  "Jane Smith: Gross margin was 44% this quarter. For the first quarter, we expect gross margin of 45%.\n") ==
        std::vector<std::string>{"metric revenue = 1200000000 USD; period Q3 2025", "metric gross_margin = 44 %; period Q3 2025",
                                 "metric gross_margin = 45 %; period Q1 2026"});
  // negative: a question naming two periods, or one already past, gives none (a forecast with no
  // period, as without the question)
  CHECK(QaMetrics("Bob Lee: How do you see the fourth quarter and next year?\n"
                  "Jane Smith: We expect revenue growth of 5% to 7%.\n")
            .back() == "metric revenue = - USD; vs_prior change 5..7 %");
  CHECK(QaMetrics("Bob Lee: What happened in the second quarter?\n"
                  "Jane Smith: We expect revenue growth of 5% to 7%.\n")
            .back() == "metric revenue = - USD; vs_prior change 5..7 %");
}

TEST_CASE("the figure an answer opens on, with no metric, is of the one metric its question named") {
  CHECK(QaMetrics("Bob Lee: And free cash flow for the year?\n"
                  "Jane Smith: We'd say $650 million to $700 million.\n")
            .back() == "metric free_cash_flow = 650000000..700000000 USD; period FY 2025");
  CHECK(QaMetrics("Bob Lee: What tax rate should we use for next year?\n"
                  "Jane Smith: Sure. I think about 21% is a good number.\n")
            .back() == "metric tax_rate = ~21 %; period FY 2026");
  // negative: a question naming two metrics; an answer naming its own; a figure said after other
  // words; a figure in the answer's third sentence; a unit the metric does not take
  const std::vector<std::string> quarter{"metric revenue = 1200000000 USD; period Q3 2025"};
  CHECK(QaMetrics("Bob Lee: What about capex and free cash flow next year?\n"
                  "Jane Smith: We'd say $650 million.\n") == quarter);
  CHECK(QaMetrics("Bob Lee: And free cash flow for the year?\n"
                  "Jane Smith: We had about $50 million of one-time costs in the quarter.\n") == quarter);
  CHECK(QaMetrics("Bob Lee: And free cash flow for the year?\n"
                  "Jane Smith: Good question. Let me think. It's been a strong year. We'd say $650 million.\n") == quarter);
  CHECK(QaMetrics("Bob Lee: And free cash flow for the year?\n"
                  "Jane Smith: We'd say 12 months from now it will be clearer.\n") == quarter);
  // what the company did, spent or generated: "Capex?" - "We spent $190 million in the quarter"
  CHECK(QaMetrics("Bob Lee: Capex?\n"
                  "Jane Smith: We spent $190 million in the quarter.\n")
            .back() == "metric capex = 190000000 USD; period Q3 2025");
  CHECK(QaMetrics("Bob Lee: And gross margin?\n"
                  "Jane Smith: Yeah, so we did 58.2% this quarter. That was up about 110 basis points sequentially.\n")
            .back() == "metric gross_margin = 58.2 %; period Q3 2025; qoq change 110 bp");
}

TEST_CASE("an answer's opening change, a follow-up's period, an answer given as where the figure is") {
  CHECK(QaMetrics("Bob Lee: What's your NII outlook for the fourth quarter?\n"
                  "Jane Smith: We think it'll be up about 1% to 2%.\n")
            .back() == "metric net_interest_income = - USD; period Q4 2025; vs_prior change 1..2 %");
  // (a change in points only of a rate: not free cash flow's)
  CHECK(QaMetrics("Bob Lee: And free cash flow for the year?\n"
                  "Jane Smith: We think it'll be up about 50 basis points.\n")
            .back() == "metric revenue = 1200000000 USD; period Q3 2025");
  CHECK(QaMetrics("Bob Lee: And free cash flow for the year?\n"
                  "Jane Smith: We're now at $2.1 billion to $2.3 billion.\n")
            .back() == "metric free_cash_flow = 2100000000..2300000000 USD; period FY 2025");
  // a follow-up right after the answer keeps the period of the question before; a new question does not
  CHECK(QaMetrics("Bob Lee: Can you give us the gross margin for the fourth quarter?\n"
                  "Jane Smith: We'd expect about 57.5%.\n"
                  "Bob Lee: And OpEx?\n"
                  "Jane Smith: Roughly $1.38 billion.\n")
            .back() == "metric operating_expenses = ~1380000000 USD; period Q4 2025");
  CHECK(QaMetrics("Bob Lee: Can you give us the gross margin for the fourth quarter?\n"
                  "Jane Smith: We'd expect about 57.5%.\n"
                  "Bob Lee: Separately, how big is OpEx?\n"
                  "Jane Smith: Roughly $1.38 billion.\n")
            .back() == "metric operating_expenses = ~1380000000 USD; period Q3 2025");
}

TEST_CASE("QuestionPeriod: the one period still to come a question names") {
  Call c;
  c.fiscal_year = 2025, c.fiscal_quarter = 3, c.date = "2025-10-29";
  CHECK(QuestionPeriod("How do you see the December quarter?", c) == std::optional<std::string>("Q4 2025"));
  CHECK(QuestionPeriod("And free cash flow for the year?", c) == std::optional<std::string>("FY 2025"));
  CHECK(QuestionPeriod("What about next year?", c) == std::optional<std::string>("FY 2026"));
  CHECK(QuestionPeriod("What happened in the September quarter?", c) == std::optional<std::string>(""));
  CHECK(QuestionPeriod("And the year-over-year growth?", c) == std::nullopt);
  CHECK(QuestionPeriod("How about the fourth quarter and next year?", c) == std::optional<std::string>(""));
  CHECK(QuestionPeriod("What's the margin today, and how fast can it grow in 2026?", c) == std::optional<std::string>(""));
}

TEST_CASE("an answer to a question about a period still to come gives its guidance") {
  CHECK(QaMetrics("Bob Lee: Can you give us the gross margin for the fourth quarter?\n"
                  "Jane Smith: About 57.5%.\n"
                  "Bob Lee: And OpEx?\n"
                  "Jane Smith: Roughly $1.38 billion.\n",
                  true) == std::vector<std::string>{"guidance gross_margin = ~57.5 %; period Q4 2025; qualifier approximately",
                                                    "guidance operating_expenses = ~1380000000 USD; period Q4 2025; qualifier approximately"});
  // negative: a result said in the past; a question about the present and the future
  CHECK(QaMetrics("Bob Lee: And OpEx for the fourth quarter?\n"
                  "Jane Smith: OpEx was $1.3 billion this quarter.\n",
                  true)
            .empty());
  CHECK(QaMetrics("Bob Lee: What's the gross margin today, and how fast can it grow next year?\n"
                  "Jane Smith: About 57.5%.\n",
                  true)
            .empty());
}

}  // namespace callscope::rules
