// Rev's token-per-line .nlp format (Earnings-21): a header "token|speaker|ts|endTs|punctuation|
// case|tags[|wer_tags]", then one token per line. A turn is a run of tokens with one speaker id;
// punctuation sits in its own column. Speakers are bare ids; roles come from behaviour.
#include "layouts/builder.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

std::string_view Field(std::string_view line, int n) {
  for (int k = 0; k < n; ++k) {
    size_t bar = line.find('|');
    if (bar == std::string_view::npos) return {};
    line.remove_prefix(bar + 1);
  }
  return line.substr(0, line.find('|'));
}

class RevNlp : public Layout {
 public:
  const char* name() const override { return "rev_nlp"; }
  const char* description() const override { return "Rev .nlp token-per-line (token|speaker|ts|endTs|punctuation|...)"; }
  double Detect(const Doc& doc) const override {
    return doc.size() > 1 && Trim(doc.line(0)).substr(0, 22) == "token|speaker|ts|endTs" ? 0.98 : 0;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    out->sectioned = false;
    std::string_view speaker;
    for (size_t i = 1; i < doc.size(); ++i) {
      std::string_view line = Trim(doc.line(i));
      std::string_view token = line.substr(0, line.find('|'));
      if (token.empty()) continue;
      std::string_view who = Field(line, 1), punct = Field(line, 4);
      if (out->turns.empty() || who != speaker) {
        speaker = who;
        out->turns.push_back({});
        out->turns.back().who.name = std::string(who.empty() ? "Unknown Speaker" : who);
      } else {
        out->turns.back().owned.push_back(' ');
      }
      std::string& text = out->turns.back().owned;
      text += token;
      text += punct;
    }
    if (out->turns.size() == 1) {  // ASR without diarization: one id for the whole call
      out->speakerless = true;
      out->text = std::move(out->turns[0].owned);
      out->turns.clear();
      out->warnings.push_back("one speaker id for the whole call (no diarization): analyzed as one block");
    }
    return Status::Ok();
  }
};

}  // namespace

const Layout* RevNlpLayout() {
  static const RevNlp kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
