// The generic harness of the data-driven rule tests: every tests/rules/<module>.test file is a
// list of cases (context lines, input, `----`, expected tag lines; format in docs/rules.md) run
// through the whole rule engine; the module named by the file renders its tags with Describe().
// A new case needs no C++.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/engine.h"
#include "segment/segment.h"

namespace callscope::rules {
namespace {

struct Case {
  int line = 0;
  std::string call, speaker;  // context lines, "key=value ..."
  std::string input;
  std::vector<std::string> expected;
};

std::vector<Case> ReadCases(const std::string& path) {
  std::ifstream f(path);
  std::vector<Case> out;
  Case c;
  enum { kIdle, kInput, kExpect } state = kIdle;
  std::vector<std::string> input;
  std::string l;
  int n = 0;
  auto finish = [&] {
    if (state == kExpect) out.push_back(c);
    c = Case{}, input.clear(), state = kIdle;
  };
  while (std::getline(f, l)) {
    ++n;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (state == kExpect) {
      if (l.empty() || l[0] == '#') finish();
      else c.expected.push_back(l);
      continue;
    }
    if (l == "----") {
      std::string text;
      for (size_t i = 0; i < input.size(); ++i) {
        if (input[i] == "====") text += '\f';  // the speaker's next turn
        else if (input[i].empty()) text += '\n';
        else text += (text.empty() || text.back() == '\n' || text.back() == '\f' ? "" : " ") + input[i];
      }
      while (!text.empty() && text.back() == '\n') text.pop_back();
      c.input = text, state = kExpect;
      continue;
    }
    if (state == kIdle) {
      if (l.empty() || l[0] == '#') continue;
      if (l.rfind("call ", 0) == 0) { c.call = l.substr(5); continue; }
      if (l.rfind("speaker ", 0) == 0) { c.speaker = l.substr(8); continue; }
      c.line = n, state = kInput;
    }
    input.push_back(l);
  }
  finish();
  return out;
}

// "date=2020-01-24 period=Q4 2019": a value runs to the next word with a '='.
std::string Get(const std::string& kv, const std::string& key, const std::string& dflt) {
  std::istringstream ss(kv);
  std::string word, cur, value;
  bool found = false;
  while (ss >> word) {
    size_t eq = word.find('=');
    if (eq != std::string::npos) {
      cur = word.substr(0, eq);
      if (cur == key) found = true, value = word.substr(eq + 1);
    } else if (cur == key) {
      value += " " + word;
    }
  }
  return found ? value : dflt;
}

Analysis Build(const Case& c) {
  Analysis a;
  a.call.company = Get(c.call, "company", "Juniper Networks");
  a.call.date = Get(c.call, "date", "2008-10-23");
  a.call.fiscal_period = Get(c.call, "period", "Q3 2008");
  const std::string& fp = a.call.fiscal_period;
  if (fp.size() >= 7 && fp[0] == 'Q') a.call.fiscal_quarter = fp[1] - '0', a.call.fiscal_year = std::stoi(fp.substr(3));
  if (fp.rfind("FY ", 0) == 0) a.call.fiscal_year = std::stoi(fp.substr(3)), a.call.fiscal_quarter = 4;
  // (a half-year report's call, "H1 2025": the half's last quarter)
  if (fp.size() >= 7 && fp[0] == 'H') a.call.fiscal_quarter = 2 * (fp[1] - '0'), a.call.fiscal_year = std::stoi(fp.substr(3));
  std::string role = Get(c.speaker, "role", "executive");
  Participant p;
  p.name = "Robyn Denholm";
  p.title = Get(c.speaker, "title", "");
  p.role = role == "analyst" ? Role::kAnalyst : role == "operator" ? Role::kOperator : role == "other" ? Role::kOther : Role::kExecutive;
  a.participants.push_back(p);
  // (a line "====" in the input starts another turn of the same speaker)
  for (size_t from = 0; from <= c.input.size();) {
    size_t to = c.input.find('\f', from);
    if (to == std::string::npos) to = c.input.size();
    Turn t;
    t.index = static_cast<int>(a.turns.size());
    t.section = Get(c.speaker, "section", "presentation") == "qa" ? Section::kQa : Section::kPresentation;
    t.text = c.input.substr(from, to - from);
    while (!t.text.empty() && t.text.back() == '\n') t.text.pop_back();
    while (!t.text.empty() && t.text.front() == '\n') t.text.erase(0, 1);
    t.end = static_cast<uint32_t>(t.text.size());
    a.turns.push_back(t);
    from = to + 1;
  }
  const Turn& t = a.turns.front();
  if (t.section == Section::kQa && p.role == Role::kExecutive) {
    Participant an;
    an.id = 1, an.name = "Pat Analyst", an.role = Role::kAnalyst;
    a.participants.push_back(an);
    a.exchanges.push_back({0, 1, {0}, {0}});
  }
  segment::SplitSentences(&a);
  return a;
}

const Engine& TheEngine() {
  static auto e = Engine::Load("");
  REQUIRE_MESSAGE(e.ok(), e.status().message());
  return **e;
}

}  // namespace

TEST_CASE("rule tests: tests/rules/*.test") {
  const Engine& engine = TheEngine();
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator("tests/rules"))
    if (f.path().extension() == ".test") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  int run = 0;
  for (const auto& path : files) {
    const Module* m = engine.module(path.stem().string());
    if (!m) {
      MESSAGE("skipped " << path.string() << ": no module named " << path.stem().string() << " is registered");
      continue;
    }
    for (const Case& c : ReadCases(path.string())) {
      Analysis a = Build(c);
      engine.Run(&a);
      std::vector<std::string> got;
      m->Describe(a, &got);
      std::string want_s, got_s;
      for (const auto& s : c.expected) want_s += "  " + s + "\n";
      for (const auto& s : got) got_s += "  " + s + "\n";
      CHECK_MESSAGE(got == c.expected, path.string() << ":" << c.line << ": " << c.input << "\nwant:\n"
                                                     << want_s << "got:\n" << got_s);
      ++run;
    }
  }
  CHECK(run > 0);
}

}  // namespace callscope::rules
