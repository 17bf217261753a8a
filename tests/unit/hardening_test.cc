// Hardening (issue 8): helpers that once were quadratic on long input stay linear. Each case runs
// on a few MB and must finish well inside a second (seconds under ASan); the old code took minutes.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "callscope/callscope.h"
#include "layouts/text_util.h"

namespace {
double Seconds(const std::chrono::steady_clock::time_point& t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

TEST_CASE("DecodeEntities is one pass over a long line of entities") {
  std::string s;
  for (int i = 0; i < 400000; ++i) s += "&amp;&lt;x";  // 4 MB
  auto t0 = std::chrono::steady_clock::now();
  std::string out = callscope::layouts::DecodeEntities(s);
  CHECK(Seconds(t0) < 5);
  CHECK(out.size() == 400000u * 3);
  CHECK(out.substr(0, 6) == "&<x&<x");
  CHECK(callscope::layouts::DecodeEntities("a &amp;lt; b &quot;c&#39;s&apos; &unknown;") ==
        "a &lt; b \"c's' &unknown;");
}

TEST_CASE("a --document full of markdown residue is cleaned in one pass") {
  std::string text = "ACME CORP REPORTS THIRD QUARTER 2009 RESULTS\n\nAcme today reported $0.04 per diluted share. ";
  for (int i = 0; i < 200000; ++i) text += "**bold** \\$5 ***x ";  // 3.8 MB
  callscope::Options o;
  o.allow_document = true;
  auto analyzer = callscope::Analyzer::Create(o);
  REQUIRE(analyzer.ok());
  auto t0 = std::chrono::steady_clock::now();
  auto a = (*analyzer)->Analyze(text, "stars.txt");
  CHECK(Seconds(t0) < 30);
  REQUIRE(a.ok());
  REQUIRE(a->turns.size() == 1);
  const std::string& t = a->turns[0].text;
  CHECK(t.find("**") == std::string::npos);
  CHECK(t.find("\\$") == std::string::npos);
  CHECK(t.find("bold $5 *x bold $5") != std::string::npos);
}
