// `callscope tag`: any text, no transcript around it. Reads JSON Lines {"id": ..., "text": "..."}
// on stdin and writes one line {"id", "metrics", "guidance", "hedges", "nonanswers"} per input, with
// offsets (start, end) as byte offsets into that text. Each text is one management answer in Q&A
// (so the non-answer module runs on it), split into sentences as a call's turn would be. The text
// is normalized as a call's is (curly quotes, no-break spaces, dashes: ingest), and the offsets,
// quotes, cues and phrases given back are the input's own.
#include "cli/tag.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/exit_codes.h"
#include "ingest/ingest.h"
#include "rules/engine.h"
#include "segment/segment.h"

namespace callscope::report {
nlohmann::ordered_json TagsJson(const Analysis& a);  // report/tags_json.cc
}

namespace callscope::cli {
namespace {

// The tags' offsets into the normalized text `norm` of `raw`, made offsets into `raw`, and the
// texts they quote cut from `raw` (what the user sent, not its normalized form).
void ToInput(nlohmann::ordered_json* tags, const Analysis& a, const ingest::Text& norm, const std::string& raw) {
  auto at = [&](uint64_t normalized) { return std::min<uint64_t>(norm.InputOffset(static_cast<uint32_t>(normalized)), raw.size()); };
  for (const char* k : {"metrics", "guidance", "hedges", "nonanswers"}) {
    if (!tags->contains(k)) continue;
    for (auto& item : (*tags)[k]) {
      if (!item.contains("start") || !item.contains("end")) continue;
      const uint64_t b = at(item["start"].get<uint64_t>()), e = std::max(b, at(item["end"].get<uint64_t>()));
      item["start"] = b, item["end"] = e;
      for (const char* cut : {"cue", "phrase"})
        if (item.contains(cut) && item[cut].is_string()) item[cut] = raw.substr(b, e - b);
      if (item.contains("quote") && item["quote"].is_string() && item.contains("sentence") && item["sentence"].is_number()) {
        const size_t si = item["sentence"].get<size_t>();
        if (si < a.sentences.size()) {
          const uint64_t sb = at(a.sentences[si].begin), se = std::max(sb, at(a.sentences[si].end));
          item["quote"] = raw.substr(sb, se - sb);
        }
      }
    }
  }
}

}  // namespace

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
    const std::string raw = in["text"].get<std::string>();
    // (a text Decode refuses, e.g. one that starts like a PDF, is tagged as it is)
    auto norm = raw.empty() ? Result<ingest::Text>(Status(Code::kBadInput, "empty")) : ingest::Decode(raw);
    t.text = norm.ok() ? norm->utf8 : raw;
    t.end = static_cast<uint32_t>(t.text.size());
    a.turns.push_back(std::move(t));
    segment::SplitSentences(&a);
    (*engine)->Run(&a);
    ordered tags = report::TagsJson(a);
    if (norm.ok()) ToInput(&tags, a, *norm, raw);
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
