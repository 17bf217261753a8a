// Refinitiv (Eikon) PDF export as text: CORPORATE PARTICIPANTS / CONFERENCE CALL PARTICIPANTS /
// PRESENTATION / QUESTIONS AND ANSWERS / DISCLAIMER, lone " " lines before every list entry and
// turn, a speaker is a name line then a "Company - Title" line, text hard-wrapped (~135 chars).
#include <re2/re2.h>

#include "layouts/builder.h"
#include "layouts/common.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

enum class Head { kNone, kPresentation, kQa, kParticipants, kEnd };

Head HeadOf(std::string_view t) {
  if (t == "PRESENTATION") return Head::kPresentation;
  if (t == "QUESTIONS AND ANSWERS" || t == "QUESTION AND ANSWER") return Head::kQa;
  if (t == "CORPORATE PARTICIPANTS" || t == "CONFERENCE CALL PARTICIPANTS") return Head::kParticipants;
  if (t == "DISCLAIMER" || t == "DEFINITIONS") return Head::kEnd;
  return Head::kNone;
}

// "Pinecrest Storage Inc. - President, CEO & Director"; analysts "..., Research Division - VP".
bool IsCompanyTitle(std::string_view t) {
  size_t d = t.find(" - ");
  return d != std::string_view::npos && d > 0 && d < 100 && t.size() < 200 && t.back() != '.' &&
         t.back() != '?' && t.back() != ',';
}

bool IsSpeakerName(std::string_view t) {
  return t == "Operator" || IsUnidentified(t) || (t.size() < 50 && LooksLikeName(t));
}

class RefinitivPdf : public Layout {
 public:
  const char* name() const override { return "refinitiv_pdf"; }
  const char* description() const override {
    return "Refinitiv/Eikon PDF export as text: CORPORATE PARTICIPANTS, name line then 'Company - Title', "
           "hard-wrapped";
  }
  double Detect(const Doc& doc) const override {
    int heads = 0, speakers = 0, spaces = 0;  // Refinitiv puts a lone " " line before every entry
    for (size_t i = 0; i + 2 < doc.size(); ++i) {
      std::string_view t = doc.line(i);
      spaces += t == " ";
      if (t.size() < 32 && HeadOf(t) != Head::kNone) ++heads;
      if (IsBlank(t) && IsSpeakerName(Trim(doc.line(i + 1))) && IsCompanyTitle(Trim(doc.line(i + 2)))) ++speakers;
    }
    if (heads < 2 || speakers < 2 || spaces < 2) return 0;
    return 0.85 + 0.05 * (heads >= 4);
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    TurnBuilder b(doc, out, Wrap::kHard);
    Section section = Section::kPresentation;
    bool in_list = false, after_sep = true;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t.empty()) {
        after_sep = true;
        continue;
      }
      bool sep = after_sep;
      after_sep = false;
      switch (HeadOf(t)) {
        case Head::kPresentation: section = Section::kPresentation, in_list = false, b.Close(), after_sep = true; continue;
        case Head::kQa: section = Section::kQa, in_list = false, out->qa_heading = true, b.Close(), after_sep = true; continue;
        case Head::kParticipants: in_list = true, b.Close(), after_sep = true; continue;
        case Head::kEnd: in_list = false, b.Close(); continue;
        case Head::kNone: break;
      }
      if (t.find("Refinitiv. All Rights Reserved") != std::string_view::npos) {
        b.Break();
        continue;
      }
      std::string_view next = i + 1 < doc.size() ? Trim(doc.line(i + 1)) : std::string_view{};
      if (in_list) {
        if (IsSpeakerName(t) && IsCompanyTitle(next)) {
          Header h = SplitCompanyTitle(next);
          h.name = std::string(t);
          out->listed.push_back(std::move(h));
          ++i;
        }
        continue;
      }
      if (sep && IsSpeakerName(t)) {
        bool titled = IsCompanyTitle(next);
        if (titled || t == "Operator" || IsUnidentified(t)) {
          Header h = titled ? SplitCompanyTitle(next) : Header{};
          h.name = std::string(t);
          if (t == "Operator") h.role = Role::kOperator;
          b.Start(std::move(h), section);
          if (titled) ++i;
          continue;
        }
      }
      b.Line(i);
    }
    return Status::Ok();
  }
};

}  // namespace

const Layout* RefinitivPdfLayout() {
  static const RefinitivPdf kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
