// earningscall.biz API responses. Richer levels: speakers [{speaker: "spk04", text}] in call
// order, speaker_name_map_v2 {spk04: {name, title}}, and prepared_remarks / questions_and_answers
// strings (speech only) that tell where the Q&A starts. The flat level {"text"} has no speakers:
// it is analyzed as a speaker-less document, with a warning.
#include "layouts/builder.h"
#include "layouts/json_util.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

class EarningsCallJson : public Layout {
 public:
  const char* name() const override { return "earningscall_json"; }
  const char* description() const override {
    return "earningscall.biz JSON: speakers with ids and a name map, prepared_remarks / "
           "questions_and_answers (the flat {text} level is a speaker-less document)";
  }
  double Detect(const Doc& doc) const override {
    if (JsonHas(doc, "\"speaker_name_map") || JsonHas(doc, "\"questions_and_answers\"")) return 0.95;
    if (JsonHas(doc, "\"text\"") && JsonHas(doc, "\"event\"") && JsonHas(doc, "\"conference_date\"")) return 0.9;
    return JsonHas(doc, "\"text\"") && doc.text().find_first_not_of(" \n") == doc.text().find('{') &&
                   doc.text().substr(0, 16).find("\"text\"") != std::string_view::npos
               ? 0.6
               : 0;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    auto j = nlohmann::json::parse(doc.text(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::Ok();
    if (auto ev = j.find("event"); ev != j.end() && ev->is_object()) {
      int year = ev->value("year", 0), quarter = ev->value("quarter", 0);
      if (year && quarter >= 1 && quarter <= 4) {
        out->meta.fiscal_year = year, out->meta.fiscal_quarter = quarter;
        out->meta.fiscal_period = "Q" + std::to_string(quarter) + " " + std::to_string(year);
      }
      std::string date = JsonStr(*ev, "conference_date");
      if (date.size() >= 10) out->meta.date = ParseDate(date.substr(0, 10));
    }
    auto speakers = j.find("speakers");
    if (speakers == j.end() || !speakers->is_array()) {
      out->speakerless = true;
      out->text = JsonStr(j, "text");
      out->warnings.push_back("earningscall.biz flat text: no speakers in the file, analyzed as one block");
      return Status::Ok();
    }
    const nlohmann::json* names = nullptr;
    for (const char* k : {"speaker_name_map_v2", "speaker_name_map"})
      if (auto it = j.find(k); it != j.end() && it->is_object()) names = &*it;
    // The Q&A starts at the speaker turn that opens the questions_and_answers string.
    std::string qa = JsonStr(j, "questions_and_answers");
    TurnBuilder b(doc, out);
    Section section = Section::kPresentation;
    for (const auto& e : *speakers) {
      std::string id = JsonStr(e, "speaker"), text = JsonStr(e, "text");
      if (text.empty()) continue;
      if (section == Section::kPresentation && !qa.empty() &&
          qa.compare(0, std::min<size_t>(60, text.size()), text, 0, std::min<size_t>(60, text.size())) == 0)
        section = Section::kQa, out->qa_heading = true;
      Header h;
      h.name = id;
      if (names && names->contains(id)) {
        const auto& m = (*names)[id];
        if (m.is_object()) {
          h.name = JsonStr(m, "name").empty() ? id : JsonStr(m, "name");
          h.title = JsonStr(m, "title");
        } else if (m.is_string()) {
          h.name = m.get<std::string>();
        }
      }
      if (h.name == "Operator") h.role = Role::kOperator;
      SplitFirmAnalyst(&h);
      b.StartOwned(std::move(h), section, std::move(text));
    }
    if (qa.empty()) out->sectioned = false;
    return Status::Ok();
  }
};

}  // namespace

const Layout* EarningsCallJsonLayout() {
  static const EarningsCallJson kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
