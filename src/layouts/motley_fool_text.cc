// The Motley Fool transcript page as text: "Company (NYSE:TICK)", "Q3 2020 Earnings Call", a
// date line, a Contents list, "Prepared Remarks:" / "Questions & Answers:", speaker lines alone
// ("Name -- Title", "Name -- Firm -- Analyst", "Operator"), "Duration: N minutes" after the last
// turn, then "Call participants:" (a list, not turns) and page footer lines.
#include <re2/re2.h>

#include "layouts/builder.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

bool IsPrepared(std::string_view t) { return t == "Prepared Remarks:"; }
bool IsQa(std::string_view t) { return t == "Questions & Answers:" || t == "Questions and Answers:"; }

class MotleyFoolText : public Layout {
 public:
  const char* name() const override { return "mfool_text"; }
  const char* description() const override {
    return "Motley Fool text: Prepared Remarks: / Questions & Answers:, 'Name -- Title' lines, Call participants";
  }
  double Detect(const Doc& doc) const override {
    int marks = 0, dashes = 0;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (IsPrepared(t) || IsQa(t) || t == "Call participants:" || t == "Call Participants:") ++marks;
      else if (t.size() < 120 && t.find(" -- ") != std::string_view::npos && LooksLikeName(Trim(t.substr(0, t.find(" -- ")))))
        ++dashes;
    }
    if (marks == 0 || dashes < 2) return 0;
    return 0.8 + 0.05 * std::min(marks, 3);
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    static const RE2 kCompany(R"((.+?) \((?:NYSE|NASDAQ|Nasdaq|NYSEMKT|OTC|TSX|NYSEAMERICAN): ?([A-Z.]{1,6})\))");
    TurnBuilder b(doc, out, Wrap::kHard);
    Section section = Section::kPresentation;
    bool started = false, in_list = false;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t.empty()) continue;
      if (!started) {
        std::string company, ticker;
        if (out->meta.ticker.empty() && RE2::FullMatch(t, kCompany, &company, &ticker)) {
          out->meta.company = company, out->meta.ticker = ticker;
        } else if (out->meta.title.empty() && t.find("Earnings Call") != std::string_view::npos && t.size() < 80) {
          out->meta.title = std::string(t);
          FillFromTitle(t, &out->meta);
        } else if (out->meta.date.empty() && t.find("period ending") == std::string_view::npos) {
          out->meta.date = ParseDate(t);
        }
      }
      if (IsPrepared(t) || IsQa(t)) {
        section = IsQa(t) ? Section::kQa : Section::kPresentation;
        out->qa_heading |= section == Section::kQa;
        started = true, in_list = false;
        b.Close();
        continue;
      }
      if (!started) continue;
      if (t.rfind("Duration:", 0) == 0) {
        b.Close();
        continue;
      }
      if (t == "Call participants:" || t == "Call Participants:") {
        in_list = true;
        b.Close();
        continue;
      }
      bool alone = IsBlank(doc.line(i - 1)) && (i + 1 >= doc.size() || IsBlank(doc.line(i + 1)));
      Header h;
      bool speaker = false;
      if (alone && t.size() < 160) {
        if (t == "Operator" || IsUnidentified(t)) {
          h.name = std::string(t), speaker = true;
          if (t == "Operator") h.role = Role::kOperator;
        } else if (size_t d = t.find(" -- "); d != std::string_view::npos && LooksLikeName(Trim(t.substr(0, d)))) {
          h = ParseDoubleDash(t), speaker = true;
        }
      }
      if (in_list) {
        if (speaker && h.name != "Operator") out->listed.push_back(std::move(h));
        continue;  // the list and the page footer after it are not turns
      }
      if (speaker) {
        b.Start(std::move(h), section);
        continue;
      }
      b.Line(i);
    }
    return Status::Ok();
  }
};

}  // namespace

const Layout* MotleyFoolTextLayout() {
  static const MotleyFoolText kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
