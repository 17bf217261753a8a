// Generic JSON arrays of utterances: [{"speaker": ..., "text": ...}] (also "name"/"speaker_name"
// and "speech"/"content"/"transcript"), or {"turns"|"utterances"|"transcript": [...]}. No section
// markers: the Q&A start is found from the operator's cues by segment/.
#include "layouts/builder.h"
#include "layouts/json_util.h"

namespace callscope::layouts {
namespace {

const nlohmann::json* Utterances(const nlohmann::json& j) {
  if (j.is_array()) return &j;
  if (!j.is_object()) return nullptr;
  for (const char* k : {"turns", "utterances", "transcript", "segments", "data"})
    if (auto it = j.find(k); it != j.end() && it->is_array()) return &*it;
  return nullptr;
}

std::string First(const nlohmann::json& e, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (std::string s = JsonStr(e, k); !s.empty()) return s;
  return {};
}

class GenericJson : public Layout {
 public:
  const char* name() const override { return "generic_json"; }
  const char* description() const override { return "JSON arrays of {speaker, text} utterances"; }
  double Detect(const Doc& doc) const override {
    bool speaker = JsonHas(doc, "\"speaker\"") || JsonHas(doc, "\"speaker_name\"");
    bool text = JsonHas(doc, "\"text\"") || JsonHas(doc, "\"content\"") || JsonHas(doc, "\"speech\"");
    return speaker && text ? 0.7 : 0;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    out->sectioned = false;
    auto j = nlohmann::json::parse(doc.text(), nullptr, false);
    const nlohmann::json* list = j.is_discarded() ? nullptr : Utterances(j);
    if (!list) return Status::Ok();
    TurnBuilder b(doc, out);
    for (const auto& e : *list) {
      if (!e.is_object()) continue;
      std::string who = First(e, {"speaker", "speaker_name", "name"});
      std::string text = First(e, {"text", "speech", "content", "transcript"});
      if (text.empty()) continue;
      Header h;
      h.name = who.empty() ? "Unknown Speaker" : who;
      if (h.name == "Operator") h.role = Role::kOperator;
      b.StartOwned(std::move(h), Section::kPresentation, std::move(text));
    }
    return Status::Ok();
  }
};

}  // namespace

const Layout* GenericJsonLayout() {
  static const GenericJson kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
