// Segmentation: joining pieces, people under spelling variants, firms, sentences, exchanges.
#include <doctest/doctest.h>

#include <algorithm>

#include "callscope/callscope.h"
#include "layouts/layout.h"
#include "layouts/text_util.h"
#include "segment/segment.h"

using namespace callscope;

TEST_CASE("hard wraps join, blank lines split paragraphs, page breaks rejoin a cut sentence") {
  std::string text = "We grew\nfast this year-\nover-year.\n\nNew para\n[furniture]\nand it goes on.\n[f]\nNext.";
  layouts::RawTurn t;
  t.pieces = {{0, static_cast<uint32_t>(text.find("\n[furniture]"))},
              {static_cast<uint32_t>(text.find("and it")), static_cast<uint32_t>(text.find("\n[f]"))},
              {static_cast<uint32_t>(text.find("Next")), static_cast<uint32_t>(text.size())}};
  CHECK(segment::JoinPieces(text, t) == "We grew fast this year-over-year.\nNew para and it goes on.\nNext.");
  t.wrap = layouts::Wrap::kParagraphPerLine;
  t.pieces = {{0, 7}};
  CHECK(segment::JoinPieces("one\ntwo", t) == "one\ntwo");
}

TEST_CASE("hard-wrapped text: a sentence ending well short of the wrap width ends a paragraph") {
  // Lines wrapped at about 70 columns, no blank lines (a PDF export).
  std::string text =
      "Revenue grew 12% in the quarter, led by the Americas and by strong\n"
      "demand for our services, while costs stayed flat against last year.\n"
      "Margins improved.\n"
      "Turning to the outlook, we expect revenue of $5 million to $6 million\n"
      "for the fourth quarter, with margins in the range we gave in July.\n";
  layouts::RawTurn t;
  t.pieces = {{0, static_cast<uint32_t>(text.size())}};
  std::string got = segment::JoinPieces(text, t);
  // A full line ending a sentence is not a paragraph end; "Margins improved." is.
  CHECK(got.find("last year. Margins improved.\nTurning to the outlook") != std::string::npos);
  CHECK(std::count(got.begin(), got.end(), '\n') == 1);
  CHECK(got.size() == text.size() - 1);  // a space became a newline (no trailing one): offsets hold

  // Too few lines, or lines too short to be wrapped text, are left as they are.
  std::string two = "A line of a short turn that ends here.\nOk.\n";
  t.pieces = {{0, static_cast<uint32_t>(two.size())}};
  CHECK(segment::JoinPieces(two, t) == "A line of a short turn that ends here. Ok.");
}

TEST_CASE("the same person under spelling variants") {
  CHECK(segment::SamePerson("Troy Jenson", "Troy Jensen"));
  CHECK(segment::SamePerson("Jeff [Cavall]", "Jeff Cavall"));
  CHECK(segment::SamePerson("Betsy L. Graseck", "Betsy Graseck"));
  CHECK(segment::SamePerson("Matt O'Connor", "Matt OConnor"));
  CHECK_FALSE(segment::SamePerson("Tim Long", "Tom Lang"));
  CHECK_FALSE(segment::SamePerson("Scott Kriens", "Scott Coleman"));
  CHECK_FALSE(segment::SamePerson("Operator", "Kevin Johnson"));
}

TEST_CASE("the same firm under its legal variants") {
  CHECK(segment::SameCompany("Juniper Networks, Inc.", "Juniper Networks"));
  CHECK(segment::SameCompany("JPMorganChase", "JPMorgan Chase & Co."));
  CHECK_FALSE(segment::SameCompany("Morgan Stanley", "Juniper Networks, Inc."));
}

TEST_CASE("a vendor's file name gives the fiscal period when the text names none, never the company") {
  Call c;
  c.company = "Acme";
  layouts::PeriodFromFileName("/data/calls/Q3_2022_Acme_Inc_Earnings_Call.txt", &c);
  CHECK(c.fiscal_period == "Q3 2022");
  CHECK(c.fiscal_quarter == 3);
  CHECK(c.fiscal_year == 2022);
  CHECK(c.company == "Acme");
  Call known;  // a period the text gave wins
  known.fiscal_period = "Q4 2021";
  layouts::PeriodFromFileName("Q3_2022_Acme_Earnings_Call.txt", &known);
  CHECK(known.fiscal_period == "Q4 2021");
  Call none;  // no quarter and year in the name: nothing
  layouts::PeriodFromFileName("calls/acme-2022.txt", &none);
  CHECK(none.fiscal_period.empty());
  CHECK(none.company.empty());
}

TEST_CASE("call titles give company and fiscal period; dates parse") {
  Call c;
  layouts::FillFromTitle("Q3 2008 Juniper Networks Earnings Conference Call", &c);
  CHECK(c.company == "Juniper Networks");
  CHECK(c.fiscal_period == "Q3 2008");
  Call d;
  layouts::FillFromTitle("Q4 and Full Year 2013 Vantor Systems Earnings Conference Call", &d);
  CHECK(d.fiscal_period == "Q4 2013");
  CHECK(d.company == "Vantor Systems");
  Call e;  // the year first
  layouts::FillFromTitle("Fiscal 2022 second-quarter earnings conference call", &e);
  CHECK(e.fiscal_period == "Q2 2022");
  Call g;  // the year first, as documents and API titles say it
  CHECK(layouts::YearFirstQuarter("the Acme Fiscal Year 2023, First Quarter Earnings Call", &g));
  CHECK(g.fiscal_period == "Q1 2023");
  CHECK_FALSE(layouts::YearFirstQuarter("fiscal 2023 results", &g));
  Call h;  // a half-year report's call: the half, closed by its second quarter
  layouts::FillFromTitle("Half Year 2025 Lumiere Groupe Earnings Call", &h);
  CHECK(h.fiscal_period == "H1 2025");
  CHECK(h.fiscal_quarter == 2);
  CHECK(h.fiscal_year == 2025);
  CHECK(h.company == "Lumiere Groupe");
  for (const char* t : {"H1 2025 Lumiere Groupe Earnings Call", "First Half 2025 Lumiere Groupe Results Call",
                        "Interim 2025 Lumiere Groupe Results Presentation", "1H FY2025 Lumiere Groupe Earnings Call"}) {
    Call k;
    layouts::FillFromTitle(t, &k);
    CHECK_MESSAGE(k.fiscal_period == "H1 2025", std::string(t));
    CHECK_MESSAGE(k.company == "Lumiere Groupe", std::string(t));
  }
  Call h2;
  layouts::FillFromTitle("H2 2025 Lumiere Groupe Earnings Call", &h2);
  CHECK(h2.fiscal_period == "H2 2025");
  CHECK(h2.fiscal_quarter == 4);
  Call hq;  // "first half" later in a quarter's title names no half
  layouts::FillFromTitle("Q2 2025 Lumiere Groupe Earnings Call, First Half Review", &hq);
  CHECK(hq.fiscal_period == "Q2 2025");
  Call f;  // a fiscal year's results: the year, closed by its fourth quarter
  layouts::FillFromTitle("Fiscal 2022 results conference call", &f);
  CHECK(f.fiscal_period == "FY 2022");
  CHECK(f.fiscal_quarter == 4);
  Call n;  // a title that names no company names none (it had named "Earnings")
  layouts::FillFromTitle("Q2 2025 Earnings Conference Call", &n);
  CHECK(n.company.empty());
  CHECK(n.fiscal_period == "Q2 2025");
  CHECK(layouts::ParseDate("Oct. 23. 2008 / 4:45PM") == "2008-10-23");
  CHECK(layouts::ParseDate("JULY 26, 2012") == "2012-07-26");
  CHECK(layouts::ParseDate("no date") == "");
  CHECK(layouts::Unspace(" Q U E S T I O N S  A N D  A N S W E R S") == "QUESTIONS AND ANSWERS");
  CHECK(layouts::Unspace("E D I T E D   V E R S I O N") == "EDITED VERSION");
  CHECK(layouts::Unspace("Plain text line") == "");
}

namespace {
Analysis AnalyzeText(const std::string& text) {
  auto an = Analyzer::Create({});
  REQUIRE(an.ok());
  auto r = (*an)->Analyze(text, "t.txt");
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  return std::move(r).value();
}
}  // namespace

// A tiny call in the old StreetEvents layout, written for this test.
const char* kMiniCall = R"( P R E S E N T A T I O N

Operator

Welcome to the Acme Widgets Q1 2009 call. Please go ahead, Ms. Smith.

Jane Smith - Acme Widgets Inc. - CFO

Thanks. Revenue was $10 million vs. $9 million in the U.S. last year. Acme Co. did well.
We expect growth.

 Q U E S T I O N S  A N D  A N S W E R S

Operator

Our first question comes from Bob Jonse with Keel Capital.

Bob Jones - Keel Capital - Analyst

How are margins? And cash?

Jane Smith - Acme Widgets Inc. - CFO

Margins are fine.

Bob Jones - Keel Capital - Analyst

Thanks.
 Jane Smith - Acme Widgets Inc. - CFO

Next question, please?

Operator

Next question from Ann Lee with Barrow Securities.

Ann Lee - Barrow Securities - Analyst

What about Europe?

Jane Smith - Acme Widgets Inc. - CFO

Europe grew.
)";

TEST_CASE("a small call: participants, roles, exchanges, hand-offs, sentences") {
  Analysis a = AnalyzeText(kMiniCall);
  REQUIRE(a.participants.size() == 4);
  CHECK(a.participants[0].role == Role::kOperator);
  CHECK(a.participants[1].name == "Jane Smith");
  CHECK(a.participants[1].role == Role::kExecutive);
  CHECK(a.participants[2].role == Role::kAnalyst);
  CHECK(a.participants[3].affiliation == "Barrow Securities");
  REQUIRE(a.exchanges.size() == 2);
  CHECK(a.exchanges[0].analyst == 2);
  CHECK(a.exchanges[0].turns.size() == 3);  // question, answer, thanks; the hand-off is excluded
  CHECK(a.exchanges[0].responders == std::vector<int>{1});
  CHECK(a.exchanges[1].turns.size() == 2);
  int handoffs = 0;
  for (const auto& t : a.turns) handoffs += t.handoff;
  CHECK(handoffs == 1);
  // "vs.", "U.S." and "Co." do not end sentences; the CFO's turn has four.
  int cfo_sentences = 0;
  for (const auto& s : a.sentences) cfo_sentences += s.turn == 1;
  CHECK(cfo_sentences == 4);
  // No title line on this first page: the operator's welcome names the company and the quarter.
  CHECK(a.call.company == "Acme Widgets");
  CHECK(a.call.fiscal_period == "Q1 2009");
}

TEST_CASE("not a transcript: a clear reason, or a speaker-less document on request") {
  auto an = Analyzer::Create({});
  REQUIRE(an.ok());
  std::string release =
      "ACME REPORTS FIRST QUARTER 2009 RESULTS\n\nAUSTIN, Texas, April 2, 2009 -- Acme Corp. (NASDAQ: ACME) "
      "today reported revenue of $10 million.\nThat is \\$0.10 per diluted share.\n";
  auto r = (*an)->Analyze(release, "pr.txt");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kNotTranscript);
  CHECK(r.status().message().find("press release") != std::string::npos);
  Options o;
  o.allow_document = true;
  auto doc_an = Analyzer::Create(o);
  auto d = (*doc_an)->Analyze(release, "pr.txt");
  REQUIRE(d.ok());
  CHECK(d->kind == DocKind::kDocument);
  CHECK(d->turns.size() == 1);
  CHECK(d->sentences.size() == 3);  // the headline is a paragraph of its own
  CHECK(d->call.company == "Acme Corp.");
  CHECK(d->call.ticker == "ACME");
  CHECK(d->call.date == "2009-04-02");
  CHECK(d->call.fiscal_period == "Q1 2009");
  CHECK(d->turns[0].text.find("\\$") == std::string::npos);  // converter escapes removed
}

TEST_CASE("a vendor's Q&A heading placed early moves to the turn that opens the questions") {
  // Motley Fool JSON, written for this test: the Q&A part starts at a dropped line, and management
  // finishes its remarks before anybody asks.
  const std::string call = R"({"header_texts": ["Prepared Remarks:", "Questions & Answers:", "Call participants:"],
 "prepared_remarks": [
  {"speaker": "Operator", "speech": "Welcome to the Acme Widgets third quarter 2024 earnings conference call."},
  {"speaker": "Jane Roe", "speech": "Thank you. Revenue grew 12% in the quarter, and we"}],
 "q_and_a": [
  {"speaker": "Operator", "speech": "Excuse me, the line of Ms. Roe has dropped. Please stand by."},
  {"speaker": "John Smith", "speech": "I will go on with our remarks. Gross margin was 41%, up two points."},
  {"speaker": "Jane Roe", "speech": "I am back. Operator, please open the line for questions."},
  {"speaker": "Operator", "speech": "Our first question comes from Ann Lee with Big Bank."},
  {"speaker": "Ann Lee", "speech": "Thanks. How should we think about margins next year?"},
  {"speaker": "John Smith", "speech": "We expect them to improve further."}],
 "participants": ["Jane Roe--Chief Executive Officer", "John Smith--Chief Financial Officer",
                  "Ann Lee--Big Bank -- Analyst"]})";
  Analysis a = AnalyzeText(call);
  REQUIRE(a.turns.size() == 8);
  for (int i = 0; i < 4; ++i) CHECK_MESSAGE(a.turns[i].section == Section::kPresentation, "turn ", i);
  for (int i = 4; i < 8; ++i) CHECK_MESSAGE(a.turns[i].section == Section::kQa, "turn ", i);
  REQUIRE(a.exchanges.size() == 1);

  // When an analyst speaks first, the vendor's heading stands.
  const std::string line = R"({"speaker": "John Smith", "speech": "I will go on with our remarks. Gross margin was 41%, up two points."})";
  std::string asked = call;
  asked.replace(asked.find(line), line.size(), R"({"speaker": "Ann Lee", "speech": "Hello, can you hear me? Is the call still on?"})");
  Analysis b = AnalyzeText(asked);
  REQUIRE(b.turns.size() == 8);
  CHECK(b.turns[2].section == Section::kQa);
}

namespace {
// The sentences SplitSentences makes of one turn's text.
std::vector<std::string> SentencesOf(const std::string& text) {
  Analysis a;
  Turn t;
  t.text = text;
  a.turns.push_back(t);
  segment::SplitSentences(&a);
  std::vector<std::string> got;
  for (const auto& s : a.sentences) got.push_back(a.turns[0].text.substr(s.begin, s.end - s.begin));
  return got;
}
}  // namespace

TEST_CASE("sentences: abbreviations calls use do not end a sentence, words ending like them do") {
  using V = std::vector<std::string>;
  CHECK(SentencesOf("We expect NII ex. Markets to be about $90 billion, incl. the card fees. The index. We paid interest. "
                    "Revenue grew.") ==
        V{"We expect NII ex. Markets to be about $90 billion, incl. the card fees.", "The index.",
          "We paid interest.",  // "est." is an abbreviation only as a word
          "Revenue grew."});

  // "Rs." (rupees) before its amount does not end a sentence
  CHECK(SentencesOf("Revenue was Rs. 2.75 crore. Profit rose.") == V{"Revenue was Rs. 2.75 crore.", "Profit rose."});

  // "U.S." and "Co." may end a sentence: before a capital word they do, before an acronym or a
  // lower-case word they do not
  CHECK(SentencesOf("We grew in the U.S. GAAP results are here. We have Acme Co. Please go ahead. Sales in the U.S. rose.") ==
        V{"We grew in the U.S. GAAP results are here.", "We have Acme Co.", "Please go ahead.", "Sales in the U.S. rose."});

  // "U.S." is often part of a name ("U.S. Retail Bank"): it ends a sentence only before a word that
  // opens sentences ("We", "The", "Last")
  CHECK(SentencesOf("U.S. Retail Bank earnings rose. Our U.S. Card unit grew in the U.S. We added staff in the U.S. Last "
                    "year it was flat.") ==
        V{"U.S. Retail Bank earnings rose.", "Our U.S. Card unit grew in the U.S.", "We added staff in the U.S.",
          "Last year it was flat."});

  // "U.S." at a line's end ends its sentence before any capital ("Non-GAAP", "EMEA"), not before a
  // lower-case word; other abbreviations keep a wrapped line's sentence whole ("NII ex.\nMarkets")
  CHECK(SentencesOf("Sales grew in the U.S.\nNon-GAAP gross margin was 76%. Sales grew in the U.S.\nEMEA was flat. Sales "
                    "in the U.S.\nrose. NII ex.\nMarkets was down.") ==
        V{"Sales grew in the U.S.", "Non-GAAP gross margin was 76%.", "Sales grew in the U.S.", "EMEA was flat.",
          "Sales in the U.S.\nrose.", "NII ex.\nMarkets was down."});
}
