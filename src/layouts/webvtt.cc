// WebVTT captions: "WEBVTT" header, cues (optional id, "00:00:02.000 --> 00:00:06.680 [settings]",
// text lines) with "<v Name>" voice tags. A turn is a run of cues with the same voice. The caption
// parser (cue tags stripped, "NAME: " prefixes on a cue's first line) is shared with srt.cc.
#include <re2/re2.h>

#include "layouts/builder.h"
#include "layouts/common.h"
#include "layouts/text_util.h"

namespace callscope::layouts {

bool IsCueTiming(std::string_view t) {
  size_t arrow = t.find("-->");
  return arrow != std::string_view::npos && arrow >= 8 && t.size() < 120 && std::isdigit(static_cast<unsigned char>(t[0]));
}

void ParseCaptions(const Doc& doc, Parsed* out) {
  static const RE2 kVoice(R"(<v(?:\.[\w.]+)?\s+([^>]+)>)");
  static const RE2 kTag(R"(<[^>]*>)");
  out->sectioned = false;
  std::string speaker;
  bool in_cue = false, first_line = false;
  for (size_t i = 0; i < doc.size(); ++i) {
    std::string_view t = Trim(doc.line(i));
    if (t.empty()) {
      in_cue = false;
      continue;
    }
    if (IsCueTiming(t)) {
      in_cue = first_line = true;
      continue;
    }
    if (!in_cue) continue;  // cue numbers, WEBVTT header, NOTE blocks
    std::string text(t);
    std::string voice;
    if (RE2::PartialMatch(text, kVoice, &voice)) voice = std::string(Trim(voice));
    RE2::GlobalReplace(&text, kTag, "");
    if (voice.empty() && first_line) {
      size_t at = 0;
      std::string_view label = SpeakerLabel(text, &at);
      if (!label.empty()) voice = std::string(label), text.erase(0, at);
    }
    first_line = false;
    text = std::string(Trim(text));
    if (text.empty()) continue;
    if (!voice.empty() && voice != speaker) {
      speaker = voice;
      Header h;
      h.name = voice;
      if (voice == "Operator" || voice == "OPERATOR") h.role = Role::kOperator;
      out->turns.push_back({});
      out->turns.back().who = std::move(h);
    } else if (out->turns.empty()) {
      out->turns.push_back({});
      out->turns.back().who.name = "Unknown Speaker";
    } else {
      out->turns.back().owned.push_back(' ');
    }
    out->turns.back().owned += text;
  }
}

namespace {

class WebVtt : public Layout {
 public:
  const char* name() const override { return "webvtt"; }
  const char* description() const override { return "WebVTT captions with <v Name> voice tags"; }
  double Detect(const Doc& doc) const override {
    return doc.size() > 0 && Trim(doc.line(0)).substr(0, 6) == "WEBVTT" ? 0.95 : 0;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    ParseCaptions(doc, out);
    return Status::Ok();
  }
};

class Srt : public Layout {
 public:
  const char* name() const override { return "srt"; }
  const char* description() const override { return "SRT subtitles with 'NAME: ' speaker prefixes"; }
  double Detect(const Doc& doc) const override {
    int cues = 0;
    for (size_t i = 0; i + 1 < doc.size() && i < 60; ++i) {
      std::string_view t = Trim(doc.line(i));
      if (!t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos &&
          IsCueTiming(Trim(doc.line(i + 1))) && doc.line(i + 1).find(',') != std::string_view::npos)
        ++cues;
    }
    return cues >= 2 ? 0.9 : 0;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    ParseCaptions(doc, out);
    return Status::Ok();
  }
};

}  // namespace

const Layout* WebVttLayout() {
  static const WebVtt kLayout;
  return &kLayout;
}
const Layout* SrtLayout() {
  static const Srt kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
