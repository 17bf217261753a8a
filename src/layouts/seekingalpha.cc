// Seeking Alpha transcript text: "Company Participants" ("Name - Title") and "Conference Call
// Participants" ("Name - Firm") lists, then every turn is a name alone on its line followed by
// paragraphs separated by blank lines; "Question-and-Answer Session" opens the Q&A.
#include <re2/re2.h>

#include "layouts/builder.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

bool IsQaHeading(std::string_view t) { return t == "Question-and-Answer Session" || t == "Question-And-Answer Session"; }

class SeekingAlpha : public Layout {
 public:
  const char* name() const override { return "seekingalpha"; }
  const char* description() const override {
    return "Seeking Alpha text: Company/Conference Call Participants lists, name-alone speaker lines, "
           "Question-and-Answer Session";
  }
  double Detect(const Doc& doc) const override {
    bool lists = false, qa = false, source = false;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = doc.line(i);
      if (t == "Company Participants" || t == "Conference Call Participants") lists = true;
      else if (IsQaHeading(t)) qa = true;
      else if (i < 5 && t.find("seekingalpha.com") != std::string_view::npos) source = true;
    }
    if (!lists && !source) return 0;
    return 0.5 + 0.25 * lists + 0.15 * qa + 0.05 * source;
  }

  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    // Header: "Company, Inc. (TICK)", "Q1 2025 Earnings Conference Call", "May 6, 2025, 04:30 PM ET".
    static const RE2 kCompany(R"((.+?) \(([A-Z.]{1,6})\))");
    size_t i = 0;
    for (; i < doc.size() && i < 20; ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t == "Company Participants" || t == "Conference Call Participants" || t == "Operator") break;
      std::string company, ticker;
      if (out->meta.ticker.empty() && RE2::FullMatch(t, kCompany, &company, &ticker)) {
        out->meta.company = company, out->meta.ticker = ticker;
      } else if (out->meta.title.empty() && t.find("Call") != std::string_view::npos &&
                 t.find("Call Start") == std::string_view::npos && t.size() < 100) {
        out->meta.title = std::string(t);
        FillFromTitle(t, &out->meta);
      } else if (out->meta.date.empty() && t.find("Call Start") == std::string_view::npos) {
        out->meta.date = ParseDate(t);
      }
    }
    // Participants lists.
    int list = 0;  // 1 company, 2 conference call
    for (; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t == "Company Participants") { list = 1; continue; }
      if (t == "Conference Call Participants") { list = 2; continue; }
      if (t.empty()) continue;
      size_t d = t.find(" - ");
      if (list == 0 || d == std::string_view::npos || !LooksLikeName(Trim(t.substr(0, d)))) break;
      Header h;
      h.name = std::string(Trim(t.substr(0, d)));
      std::string rest(Trim(t.substr(d + 3)));
      if (list == 1) {
        h.title = rest, h.affiliation = out->meta.company, h.role = Role::kExecutive;
      } else {
        h.affiliation = rest, h.role = Role::kAnalyst;
      }
      out->listed.push_back(std::move(h));
    }
    TurnBuilder b(doc, out, Wrap::kHard);
    Section section = Section::kPresentation;
    for (; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t.empty()) continue;
      bool alone = (i == 0 || IsBlank(doc.line(i - 1))) && (i + 1 >= doc.size() || IsBlank(doc.line(i + 1)));
      if (alone && IsQaHeading(t)) {
        section = Section::kQa, out->qa_heading = true, b.Close();
        continue;
      }
      if (alone && IsSpeaker(t, out->listed)) {
        Header h;
        h.name = std::string(t);
        if (t == "Operator") h.role = Role::kOperator;
        b.Start(std::move(h), section);
        continue;
      }
      b.Line(i);
    }
    return Status::Ok();
  }

 private:
  static bool IsSpeaker(std::string_view t, const std::vector<Header>& listed) {
    if (t == "Operator" || IsUnidentified(t)) return true;
    for (const auto& h : listed)
      if (h.name == t) return true;
    // Someone not listed: a name of two or more words with no sentence punctuation.
    return t.size() < 40 && t.find(' ') != std::string_view::npos && t.back() != '.' && t.back() != '!' &&
           t.back() != '?' && LooksLikeName(t);
  }
};

}  // namespace

const Layout* SeekingAlphaLayout() {
  static const SeekingAlpha kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
