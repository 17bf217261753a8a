// Every sample call in corpora/ with a hand-written <stem>.expect.json: the detected layout (never
// a wrong specific one), participants and roles, turns with speakers and sections, and exchanges.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "callscope/callscope.h"
#include "layouts/common.h"
#include "segment/segment.h"

using namespace callscope;
namespace fs = std::filesystem;

namespace {

std::string Str(const nlohmann::json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

// The sample next to an expectation: same stem, any other extension.
fs::path SampleFor(const fs::path& expect) {
  std::string stem = expect.filename().string();
  stem.resize(stem.size() - std::string(".expect.json").size());
  for (const auto& e : fs::directory_iterator(expect.parent_path())) {
    std::string n = e.path().filename().string();
    if (n.rfind(stem + ".", 0) == 0 && n.find(".expect.") == std::string::npos &&
        n.find(".golden.") == std::string::npos && n.find(".args") == std::string::npos)
      return e.path();
  }
  return {};
}

// `text` analyzed as the file `name` with the default options (the analysis must succeed).
Analysis Analyzed(const std::string& text, const std::string& name) {
  auto an = Analyzer::Create({});
  REQUIRE(an.ok());
  auto r = (*an)->Analyze(text, name);
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  return std::move(*r);
}

bool SameName(const std::string& got, const std::string& want) {
  return got == want || segment::SamePerson(got, want);
}

void CheckSample(const fs::path& expect_path) {
  std::ifstream in(expect_path);
  nlohmann::json want = nlohmann::json::parse(in);
  fs::path sample = SampleFor(expect_path);
  INFO("sample " << sample.string());
  REQUIRE_MESSAGE(!sample.empty(), "no sample for " << expect_path);
  auto an = Analyzer::Create({});
  REQUIRE(an.ok());
  auto r = (*an)->AnalyzeFile(sample.string());
  CHECK_MESSAGE(r.ok(), r.status().message());
  if (!r.ok()) return;
  const Analysis& a = *r;
  CHECK(a.source.layout == Str(want["layout"]));
  // --layout NAME forces the same parse.
  Options forced;
  forced.layout = Str(want["layout"]);
  auto fan = Analyzer::Create(forced);
  REQUIRE(fan.ok());
  auto f = (*fan)->AnalyzeFile(sample.string());
  CHECK((f.ok() && f->turns.size() == a.turns.size()));
  if (a.kind == DocKind::kDocument) {
    CHECK(want["turns"].empty());
    return;
  }
  const auto& wp = want["participants"];
  CHECK(a.participants.size() == wp.size());
  for (const auto& p : wp) {
    bool found = false;
    for (const auto& q : a.participants)
      if (SameName(q.name, Str(p["name"])) && RoleName(q.role) == Str(p["role"])) found = true;
    CHECK_MESSAGE(found, "participant " << Str(p["name"]) << " as " << Str(p["role"]));
  }
  const auto& wt = want["turns"];
  CHECK(a.turns.size() == wt.size());
  if (a.turns.size() != wt.size()) return;
  for (size_t i = 0; i < wt.size(); ++i) {
    const auto& t = a.turns[i];
    INFO("turn " << i << ": " << t.text.substr(0, 40));
    CHECK(SameName(a.speaker(t).name, Str(wt[i]["speaker"])));
    CHECK(SectionName(t.section) == Str(wt[i]["section"]));
  }
  const auto& wx = want["exchanges"];
  CHECK(a.exchanges.size() == wx.size());
  if (a.exchanges.size() != wx.size()) return;
  for (size_t i = 0; i < wx.size(); ++i) {
    INFO("exchange " << i);
    CHECK(SameName(a.participants[a.exchanges[i].analyst].name, Str(wx[i]["analyst"])));
    CHECK(a.exchanges[i].turns.size() == wx[i]["n_turns"].get<size_t>());
  }
}

}  // namespace

// Layouts still being written; their samples join the check as they land.
const std::string kPending = ""
                             "";

TEST_CASE("every corpora sample: layout, participants, turns, exchanges as its .expect.json says") {
  int n = 0;
  for (const auto& e : fs::directory_iterator("corpora")) {
    std::string name = e.path().filename().string();
    if (name.size() < 12 || name.substr(name.size() - 12) != ".expect.json") continue;
    std::string layout = nlohmann::json::parse(std::ifstream(e.path()))["layout"].get<std::string>();
    if (kPending.find(layout) != std::string::npos) continue;
    CheckSample(e.path());
    ++n;
  }
  CHECK(n > 0);
}

namespace {
// A one-page PDF with two text lines, xref offsets computed, so poppler reads it without repair.
std::string TinyPdf(const std::vector<std::string>& lines) {
  std::string stream = "BT /F1 12 Tf 72 720 Td 14 TL";
  for (const auto& l : lines) stream += " (" + l + ") Tj T*";
  stream += " ET";
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> at;
  for (size_t i = 0; i < objs.size(); ++i) {
    at.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : at) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", o);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}
}  // namespace

TEST_CASE("name variants: a typo that swaps two letters is the same person") {
  CHECK(segment::SamePerson("Chole Whitmore", "Chloe Whitmore"));
  CHECK_FALSE(segment::SamePerson("Speaker 1", "Speaker 2"));
  CHECK_FALSE(segment::SamePerson("SPEAKER_00", "SPEAKER_01"));
}

TEST_CASE("PDF files are read through poppler, then detected like text") {
  std::string pdf = TinyPdf({"Operator: Welcome to the Acme call. Our first question comes from Bob Lee.",
                             "Jane Smith: Thank you. Revenue grew.", "Bob Lee: How are margins?",
                             "Jane Smith: Margins are fine.", "Bob Lee: Thanks."});
  auto an = Analyzer::Create({});
  REQUIRE(an.ok());
  auto r = (*an)->Analyze(pdf, "call.pdf");
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  CHECK(r->source.encoding == "PDF");
  CHECK(r->source.layout == "stt");
  CHECK(r->turns.size() == 5);
  auto bad = (*an)->Analyze("%PDF-1.4\nnot really a pdf", "bad.pdf");
  CHECK_FALSE(bad.ok());
}

TEST_CASE("an unknown layout falls back to generic: speakers by shape, Q&A by cue, a warning") {
  std::string call =
      "ACME CORP SECOND QUARTER CALL\n\n"
      "OPERATOR: Good morning and welcome to the Acme second quarter call. I will now hand over\n"
      "to Jane Smith, Chief Financial Officer.\n"
      "JANE SMITH: Thank you. Revenue grew 5% in the quarter, and margins improved by 40 basis\n"
      "points. We expect similar growth next quarter.\n"
      "OPERATOR: We will now open the floor for questions. Our first question comes from Bob Lee\n"
      "with Keel Capital.\n"
      "BOB LEE: Good morning. How are margins trending into the third quarter?\n"
      "JANE SMITH: Margins are trending well, thanks.\n"
      "BOB LEE: Thanks.\n"
      "OPERATOR: That concludes today's call. Thank you.\n";
  const Analysis a = Analyzed(call, "acme.txt");
  CHECK(a.source.layout == "generic");
  CHECK(a.source.layout_confidence < 1);
  CHECK_FALSE(a.warnings.empty());
  REQUIRE(a.turns.size() == 7);
  CHECK(a.turns[3].section == Section::kQa);
  REQUIRE(a.exchanges.size() == 1);
  CHECK(a.participants[a.exchanges[0].analyst].affiliation == "Keel Capital");
  CHECK(a.exchanges[0].turns.size() == 3);
}

TEST_CASE("a call with no title takes a half year's or a full year's period from its opening") {
  auto period = [](const std::string& welcome) {
    std::string call = "Operator: " + welcome +
                       " I will now hand over to Jane Smith.\n"
                       "Jane Smith: Thank you. Revenue grew 5%.\n"
                       "Operator: We will now open the floor for questions. Our first question comes from Bob Lee with Keel Capital.\n"
                       "Bob Lee: How are margins?\n"
                       "Jane Smith: Fine.\n";
    const Analysis a = Analyzed(call, "call.txt");
    return a.call.fiscal_period + "/" + std::to_string(a.call.fiscal_quarter);
  };
  CHECK(period("Good morning and welcome to the Harwick Bank 2025 Half Year Results call.") == "H1 2025/2");
  CHECK(period("Welcome to Harwick's half-year 2025 results presentation.") == "H1 2025/2");
  CHECK(period("Welcome to the Harwick Interim Results 2025 conference call.") == "H1 2025/2");
  CHECK(period("Welcome to our full year 2024 results presentation.") == "FY 2024/4");
  CHECK(period("Welcome to the Harwick 2024 full-year results call.") == "FY 2024/4");
  // a quarter named wins over the year ahead's outlook the same turn names
  CHECK(period("Welcome to the fourth quarter 2024 earnings call, where we give our full year 2025 outlook on this call.") ==
        "Q4 2024/4");
  CHECK(period("Welcome to the Harwick call.") == "/0");
}

// Regressions found on the development corpus, each named after what broke.
TEST_CASE("regression: a doubled space inside a StreetEvents header name still opens a turn") {
  auto h = layouts::ParseBracketSpeaker("Dana  Whitlow,  Harbor Crest Securities - Analyst    [23]");
  REQUIRE(h.has_value());
  CHECK(h->name == "Dana Whitlow");
  CHECK(h->affiliation == "Harbor Crest Securities");
}

TEST_CASE("regression: an acronym firm on speaker lines is the company named in full") {
  CHECK(segment::SameCompany("TD", "TD Bank Group"));
  CHECK_FALSE(segment::SameCompany("TD", "Bank of Montreal"));
}

TEST_CASE("regression: an operator prompt that introduces nobody does not split an exchange") {
  std::string call =
      "Operator: Welcome to the Acme call. Please go ahead, Jane.\n"
      "Jane Smith: Revenue grew. We will now open the line for questions.\n"
      "Operator: We will now begin the question-and-answer session. Our first question comes from Bob Lee with Keel Capital.\n"
      "Bob Lee: How are margins?\n"
      "Jane Smith: Fine.\n"
      "Operator: Sir, do you have any other questions?\n"
      "Bob Lee: No, thank you.\n"
      "Operator: This concludes the call.\n";
  const Analysis a = Analyzed(call, "acme.txt");
  REQUIRE(a.exchanges.size() == 1);
  CHECK(a.exchanges[0].turns.size() == 3);
}

TEST_CASE("regression: a running header is furniture on the first page too, and a sentence it cut joins again") {
  // (it repeats after every form feed and once at the top: counted only near form feeds, the top
  // one made it look like text, and it stayed inside the turns)
  std::ifstream f("corpora/bankir_caps_meridian_q3_2024.txt", std::ios::binary);
  REQUIRE(f);
  std::stringstream ss;
  ss << f.rdbuf();
  const Analysis a = Analyzed(ss.str(), "bankir_caps_meridian_q3_2024.txt");
  bool joined = false;
  for (const auto& t : a.turns) {
    CHECK_MESSAGE(t.text.find("TRANSCRIPT") == std::string::npos, t.text);
    CHECK_MESSAGE(t.text.find("Third Quarter 2024 Earnings Call") == std::string::npos, t.text);
    joined |= t.text.find("we've seen delinquencies rise") != std::string::npos;
  }
  CHECK(joined);
}

TEST_CASE("regression: FactSet text that lost its form feeds still drops the running header after a footer") {
  // (the header zone was counted from form feeds only: without them the page's header lines
  // stayed inside the turn the page break fell in)
  std::ifstream f("corpora/factset_keystone_q1_2024.txt", std::ios::binary);
  REQUIRE(f);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string text = ss.str();
  text.erase(std::remove(text.begin(), text.end(), '\f'), text.end());
  REQUIRE(text.size() < ss.str().size());
  const Analysis a = Analyzed(text, "factset_keystone_q1_2024.txt");
  CHECK(a.source.layout == "factset");
  for (const auto& t : a.turns) {
    CHECK_MESSAGE(t.text.find("Corrected Transcript") == std::string::npos, t.text);
    CHECK_MESSAGE(t.text.find("25-Apr-2024") == std::string::npos, t.text);
  }
  CHECK(a.turns.size() == Analyzed(ss.str(), "factset_keystone_q1_2024.txt").turns.size());
}
