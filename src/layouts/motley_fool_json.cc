// The Motley Fool transcript as scrapers save it: {header_texts, prepared_remarks: [{speaker,
// speech}], q_and_a: [...], participants: ["Name--Title", "Name--Firm -- Analyst"]}.
#include "layouts/builder.h"
#include "layouts/json_util.h"
#include "layouts/speaker_line.h"

namespace callscope::layouts {
namespace {

class MotleyFoolJson : public Layout {
 public:
  const char* name() const override { return "mfool_json"; }
  const char* description() const override {
    return "Motley Fool JSON: prepared_remarks / q_and_a arrays of {speaker, speech}, participants";
  }
  double Detect(const Doc& doc) const override {
    return JsonHas(doc, "\"prepared_remarks\"") && JsonHas(doc, "\"speech\"") ? 0.95 : 0;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    auto j = nlohmann::json::parse(doc.text(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::Ok();
    if (auto it = j.find("participants"); it != j.end() && it->is_array())
      for (const auto& p : *it)
        if (p.is_string()) out->listed.push_back(ParseDoubleDash(p.get<std::string>()));
    TurnBuilder b(doc, out);
    for (const char* part : {"prepared_remarks", "q_and_a"}) {
      auto it = j.find(part);
      if (it == j.end() || !it->is_array()) continue;
      Section section = part[0] == 'q' ? Section::kQa : Section::kPresentation;
      out->qa_heading |= section == Section::kQa;
      for (const auto& e : *it) {
        std::string speaker = JsonStr(e, "speaker"), speech = JsonStr(e, "speech");
        if (speaker.rfind("Duration:", 0) == 0 || speech.empty()) continue;  // "Duration: 57 minutes"
        Header h = ParseDoubleDash(speaker);
        b.StartOwned(std::move(h), section, std::move(speech));
      }
    }
    return Status::Ok();
  }
};

}  // namespace

const Layout* MotleyFoolJsonLayout() {
  static const MotleyFoolJson kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
