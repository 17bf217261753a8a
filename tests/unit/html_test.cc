// The HTML report (src/report/html*.cc): escaping, highlights that cross or nest, an empty call,
// and byte-stable output. The seed call's page is a golden file; the browser test loads it.
#include <doctest/doctest.h>

#include <regex>

#include "report/html.h"
#include "report/report.h"

using namespace callscope;

namespace {

// A two-turn call whose text holds markup and whose metric spans cross each other.
Analysis SmallCall() {
  Analysis a;
  a.call.company = "Acme <Tools> & Co";
  a.source.path = "calls/acme\"q1\".txt";
  a.participants = {{0, "Operator", "", "", Role::kOperator, {}}, {1, "Jane <b>Roe</b>", "Acme", "CFO", Role::kExecutive, {}}};
  Turn t0;
  t0.index = 0, t0.speaker = 0, t0.text = "Welcome.";
  Turn t1;
  t1.index = 1, t1.speaker = 1, t1.text = "Revenue was $5 <million> & rising.\nMargins 40%.";
  a.turns = {t0, t1};
  a.sentences = {{0, 0, 8}, {1, 0, 35}, {1, 36, 48}};
  Metric m1;
  m1.metric = "revenue", m1.value = 5e6, m1.unit = "USD", m1.turn = 1, m1.start = 12, m1.end = 24;
  Metric m2 = m1;
  m2.start = 16, m2.end = 40;  // crosses m1 and the paragraph break
  a.tags.metrics = {m1, m2};
  return a;
}

// True if every <mark> and <p> closes in the order it opened.
bool WellNested(const std::string& html) {
  std::vector<std::string> stack;
  std::regex tag("<(/?)(mark|p)\\b[^>]*>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].length() == 0) {
      stack.push_back((*it)[2]);
    } else {
      if (stack.empty() || stack.back() != (*it)[2].str()) return false;
      stack.pop_back();
    }
  }
  return stack.empty();
}

}  // namespace

TEST_CASE("html: text and attributes are escaped") {
  CHECK(report::html::Esc("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  std::string page = report::HtmlReport(SmallCall());
  CHECK(page.find("Acme &lt;Tools&gt; &amp; Co") != std::string::npos);
  CHECK(page.find("Jane &lt;b&gt;Roe&lt;/b&gt;") != std::string::npos);
  CHECK(page.find("&amp; rising") != std::string::npos);
  CHECK(page.find("<million>") == std::string::npos);
  CHECK(page.find("acme&quot;q1&quot;") != std::string::npos);
}

TEST_CASE("html: crossing highlights are split so elements nest; each metric has one anchor") {
  std::string page = report::HtmlReport(SmallCall());
  CHECK(WellNested(page));
  CHECK(page.find("id=\"m1\"") != std::string::npos);
  CHECK(page.find("id=\"m2\"") != std::string::npos);
  CHECK(page.find("id=\"m2\"", page.find("id=\"m2\"") + 1) == std::string::npos);
  CHECK(page.find("href=\"#m2\"") != std::string::npos);
}

TEST_CASE("html: a call with no tags, turns or exchanges still renders every section") {
  Analysis a;
  std::string page = report::HtmlReport(a);
  CHECK(WellNested(page));
  for (const char* id : {"guidance", "speakers", "exchanges", "metrics", "transcript"})
    CHECK(page.find(std::string("<section id=\"") + id + "\"") != std::string::npos);
  CHECK(page.find("No guidance was found") != std::string::npos);
  CHECK(page.find("http") == std::string::npos);  // nothing to fetch
}

TEST_CASE("html: each guidance revision has its own class and sign, declined among them") {
  Analysis a = SmallCall();
  const std::pair<const char*, const char*> revisions[] = {
      {"raised", "\u25b2"}, {"lowered", "\u25bc"}, {"reaffirmed", "\u25cf"},
      {"withdrawn", "\u2715"}, {"declined", "\u2205"}, {"narrowed", "\u2194"}};
  for (const auto& [rev, sign] : revisions) {
    Guidance g;
    g.metric = "outlook", g.qualitative = true, g.revision = rev, g.speaker = 1, g.turn = 1;
    a.tags.guidance.push_back(g);
  }
  std::string page = report::HtmlReport(a);
  for (const auto& [rev, sign] : revisions) {
    CAPTURE(rev);
    CHECK(page.find(std::string("<span class=\"rev rev-") + rev + "\"><span aria-hidden=\"true\">" + sign) !=
          std::string::npos);
    CHECK(page.find(std::string(".rev-") + rev + "{") != std::string::npos);  // styled
  }
}

TEST_CASE("html: byte-stable") {
  CHECK(report::HtmlReport(SmallCall()) == report::HtmlReport(SmallCall()));
  CHECK(report::html::Amount(921e6, 921e6, 971e6, "USD") == "$921M\u2013$971M");
  CHECK(report::html::Amount(0.3, 0.3, 0.33, "USD/share") == "$0.30\u2013$0.33/share");
  CHECK(report::html::Amount(27, 27, 27, "%") == "27%");
  CHECK(report::html::Amount(26830, 26830, 26830, "count") == "26,830");
}
