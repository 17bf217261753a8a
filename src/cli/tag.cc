// `callscope tag`: any text, no transcript around it. Reads JSON Lines {"id": ..., "text": "..."}
// on stdin and writes one line {"id", "metrics", "guidance", "hedges", "nonanswers"} per input, with
// offsets (start, end) as byte offsets into that text. Each text is one management answer in Q&A
// (so the non-answer module runs on it), split into sentences as a call's turn would be.
#include "cli/tag.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/exit_codes.h"
#include "rules/engine.h"
#include "segment/segment.h"

namespace callscope::report {
nlohmann::ordered_json TagsJson(const Analysis& a);  // report/tags_json.cc
}

namespace callscope::cli {

int RunTag(const TagOptions& o) {
  auto engine = rules::Engine::Load(o.rules_dir);
  if (!engine.ok()) {
    std::fprintf(stderr, "callscope: %s\n", engine.status().message().c_str());
    return ExitFor(engine.status().code());
  }
  using ordered = nlohmann::ordered_json;
  std::string line;
  size_t n = 0;
  int bad = 0;
  while (std::getline(std::cin, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto fail = [&](const ordered& id, const std::string& why) {
      std::fprintf(stderr, "callscope: stdin:%zu: %s\n", n, why.c_str());
      ordered e = {{"id", id}, {"error", why}};
      std::string s = e.dump(-1, ' ', false, ordered::error_handler_t::replace) + "\n";
      std::fwrite(s.data(), 1, s.size(), stdout);
      ++bad;
    };
    ordered in = ordered::parse(line, nullptr, false);
    if (in.is_discarded() || !in.is_object()) {
      fail(nullptr, "not a JSON object");
      continue;
    }
    ordered id = in.contains("id") ? in["id"] : ordered(nullptr);
    if (!in.contains("text") || !in["text"].is_string()) {
      fail(id, "no \"text\" string");
      continue;
    }
    Analysis a;
    a.kind = DocKind::kDocument;
    Participant p;
    p.name = "speaker";
    p.role = o.role;
    a.participants.push_back(std::move(p));
    Turn t;
    t.section = o.section;
    t.text = in["text"].get<std::string>();
    t.end = static_cast<uint32_t>(t.text.size());
    a.turns.push_back(std::move(t));
    segment::SplitSentences(&a);
    (*engine)->Run(&a);
    ordered tags = report::TagsJson(a);
    ordered out = {{"id", id}};
    for (const char* k : {"metrics", "guidance", "hedges", "nonanswers"})
      out[k] = tags.contains(k) ? std::move(tags[k]) : ordered::array();
    std::string s = out.dump(-1, ' ', false, ordered::error_handler_t::replace) + "\n";
    if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) {
      std::fprintf(stderr, "callscope: stdout: write error\n");
      return kExitOutput;
    }
  }
  if (std::fflush(stdout) != 0) return kExitOutput;
  return bad ? kExitSomeFailed : kExitOk;
}

}  // namespace callscope::cli
