// `callscope guidance --csv`: RFC 4180 (quotes doubled, commas and newlines inside quotes, CRLF
// records), one header for many calls, an optional UTF-8 BOM; written through report::Output.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "report/report.h"

using namespace callscope;

namespace {

Analysis Call1() {
  Analysis a;
  a.source.path = "calls/acme, inc q3.txt";
  a.call.company = "Acme, Inc.";
  a.call.ticker = "ACME";
  a.call.date = "2008-10-21";
  a.call.fiscal_period = "Q3 2008";
  Participant cfo;
  cfo.id = 0, cfo.name = "Jane \"JJ\" Doe", cfo.title = "CFO", cfo.role = Role::kExecutive;
  a.participants.push_back(cfo);
  Turn t;
  t.text = "We expect revenue of $9, maybe \"more\".\nSecond line.";
  a.turns.push_back(t);
  Guidance g;
  g.metric = "revenue", g.period = "Q4 2008", g.low = 921e6, g.high = 971e6, g.unit = "USD";
  g.quote = t.text;
  g.end = static_cast<uint32_t>(t.text.size());
  a.tags.guidance.push_back(g);
  Guidance h;
  h.metric = "eps", h.period = "FY 2008", h.basis = "non-GAAP", h.low = 1.17, h.high = 1.2, h.unit = "USD/share";
  h.revision = "raised", h.prior_low = 1.14, h.prior_high = 1.17, h.quote = "EPS, raised";
  a.tags.guidance.push_back(h);
  return a;
}

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string WriteCsv(const std::vector<Analysis>& calls, bool bom) {
  std::string path = "guidance_csv_test.tmp.csv";
  auto out = report::Output::Open(path);
  REQUIRE(out.ok());
  auto sink = report::MakeGuidanceCsvSink(out->get(), bom);
  for (const auto& a : calls) REQUIRE(sink->Write(a).ok());
  REQUIRE(sink->Finish().ok());
  REQUIRE((*out)->Commit().ok());
  std::string s = Slurp(path);
  std::remove(path.c_str());
  return s;
}

const char* kHeader =
    "file,company,ticker,call_date,call_period,speaker,role,title,section,turn,metric,period,basis,segment,low,high,"
    "unit,qualifier,revision,prior_low,prior_high,qualitative,condition,quote\r\n";

}  // namespace

TEST_CASE("guidance CSV: quotes, commas and newlines inside quoted fields; CRLF records") {
  std::string csv = WriteCsv({Call1()}, false);
  std::string want = std::string(kHeader) +
                     "\"calls/acme, inc q3.txt\",\"Acme, Inc.\",ACME,2008-10-21,Q3 2008,\"Jane \"\"JJ\"\" Doe\","
                     "executive,CFO,presentation,0,revenue,Q4 2008,,,921000000,971000000,USD,,,,,0,,"
                     "\"We expect revenue of $9, maybe \"\"more\"\".\nSecond line.\"\r\n"
                     "\"calls/acme, inc q3.txt\",\"Acme, Inc.\",ACME,2008-10-21,Q3 2008,\"Jane \"\"JJ\"\" Doe\","
                     "executive,CFO,presentation,0,eps,FY 2008,non-GAAP,,1.17,1.2,USD/share,,raised,1.14,1.17,0,,"
                     "\"EPS, raised\"\r\n";
  CHECK(csv == want);
}

TEST_CASE("guidance CSV: many calls in one file under one header; a BOM when asked") {
  std::string csv = WriteCsv({Call1(), Call1()}, true);
  CHECK(csv.rfind("\xEF\xBB\xBF" "file,company,", 0) == 0);
  size_t headers = 0;
  for (size_t at = 0; (at = csv.find("file,company,", at)) != std::string::npos; ++at) ++headers;
  CHECK(headers == 1);
  size_t rows = 0;
  for (size_t at = 0; (at = csv.find("\r\n", at)) != std::string::npos; ++at) ++rows;
  CHECK(rows == 5);  // the header and two rows per call
}

TEST_CASE("guidance CSV: a call without guidance still gets the header") {
  Analysis empty;
  CHECK(WriteCsv({empty}, false) == kHeader);
}
