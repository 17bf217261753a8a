// Speech-to-text output: one "Label: text" line per utterance, the label a name ("Dana
// Achterberg:"), "Speaker 3:" or a diarizer cluster ("SPEAKER_00:"). Lines without a label go on
// with the current speaker. No section markers: segment/ finds the Q&A and, for unnamed labels,
// the operator and the analysts from behaviour.
#include <re2/re2.h>

#include "layouts/builder.h"
#include "layouts/common.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {

// The label of a "Label: text" line and where the text starts; empty if the line has none.
std::string_view SpeakerLabel(std::string_view line, size_t* text_at) {
  static const RE2 kLabel(
      R"(((?:SPEAKER|Speaker|speaker)[ _]\d{1,3}|[A-Z][\w.'\[\]\-]*(?: [A-Z(\[][\w.'\[\]\-)]*| (?:de|la|van|von|der|da|di|del|du|le|al)){0,4}):[ \t]+\S)");
  re2::StringPiece m[2];
  if (line.size() < 4 || !RE2::PartialMatch(line.substr(0, 64), kLabel) ||
      !kLabel.Match(line, 0, line.size(), RE2::ANCHOR_START, m, 2))
    return {};
  std::string_view label(m[1].data(), m[1].size());
  if (label.size() > 48) return {};
  *text_at = static_cast<size_t>(m[0].data() + m[0].size() - 1 - line.data());
  return label;
}

namespace {

class SpeechToText : public Layout {
 public:
  const char* name() const override { return "stt"; }
  const char* description() const override {
    return "speech-to-text lines: 'Name: text', 'Speaker 1: text', 'SPEAKER_00: text'";
  }
  double Detect(const Doc& doc) const override {
    int lines = 0, labelled = 0, caps = 0;
    std::string_view first, other;
    for (size_t i = 0; i < doc.size() && lines < 400; ++i) {
      std::string_view t = doc.line(i);
      if (IsBlank(t)) continue;
      ++lines;
      size_t at = 0;
      std::string_view l = SpeakerLabel(t, &at);
      if (l.empty()) continue;
      ++labelled;
      caps += l.rfind("SPEAKER", 0) != 0 && l.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
      if (first.empty()) first = l;
      else if (l != first) other = l;
    }
    if (lines < 4 || other.empty() || labelled * 10 < lines * 6) return 0;
    // ALL-CAPS name prefixes over hard-wrapped text are a PDF transcript (Citi), not STT output.
    if (caps == labelled && labelled * 10 < lines * 8) return 0;
    return 0.75 + 0.15 * (labelled == lines);
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    out->sectioned = false;
    TurnBuilder b(doc, out, Wrap::kHard);
    std::string_view current;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view line = doc.line(i);
      size_t at = 0;
      std::string_view label = SpeakerLabel(line, &at);
      if (label.empty()) {
        b.Line(i);
        continue;
      }
      if (label != current || !b.open()) {
        Header h;
        h.name = std::string(label);
        if (label == "Operator" || label == "OPERATOR") h.role = Role::kOperator;
        b.Start(std::move(h), Section::kPresentation);
        current = label;
      } else {
        b.Break();  // the same speaker again: a new paragraph of the same turn
      }
      b.Add(doc.span(i).begin + static_cast<uint32_t>(at), doc.span(i).end);
    }
    return Status::Ok();
  }
};

}  // namespace

const Layout* SpeechToTextLayout() {
  static const SpeechToText kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
