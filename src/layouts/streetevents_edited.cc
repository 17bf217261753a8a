// StreetEvents/Refinitiv "EDITED VERSION" (2010s): section titles between ==== rules, each turn
// opened by "Name, Company - Title    [n]" between ---- rules, one paragraph per line.
// The parser is shared with streetevents_plain (the same text with the rules stripped).
#include <re2/re2.h>

#include <algorithm>

#include "layouts/builder.h"
#include "layouts/common.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {

std::optional<Header> ParseBracketSpeaker(std::string_view line) {
  static const RE2 kHeader(R"(\s*([^,\[]+?)\s*(?:,(.*?))?\s*\[\d+\]\s*)");
  if (line.empty() || Trim(line).back() != ']') return std::nullopt;
  std::string name, rest;
  if (!RE2::FullMatch(line, kHeader, &name, &rest)) return std::nullopt;
  // "Jeff  Kvaal,  Nomura ... [23]": a doubled space inside the name.
  name.erase(std::unique(name.begin(), name.end(), [](char x, char y) { return x == ' ' && y == ' '; }), name.end());
  if (name != "Operator" && !LooksLikeName(name) && !IsUnidentified(name)) return std::nullopt;
  Header h = SplitCompanyTitle(rest);
  h.name = name;
  if (name == "Operator") h.role = Role::kOperator;
  return h;
}

Header SplitCompanyTitle(std::string_view rest) {
  Header h;
  std::string_view r = Trim(rest);
  if (r == "-" || r.empty()) return h;
  if (r.substr(0, 2) == "- ") {
    h.title = std::string(Trim(r.substr(2)));
    return h;
  }
  size_t d = r.find(" - ");
  if (d == std::string_view::npos) {
    if (r.size() >= 2 && r.substr(r.size() - 2) == " -") r = Trim(r.substr(0, r.size() - 2));
    h.affiliation = std::string(r);
    return h;
  }
  h.affiliation = std::string(Trim(r.substr(0, d)));
  std::string title(Trim(r.substr(d + 3)));
  // Runs of spaces become one, in one pass (erasing each find was quadratic on a long line).
  title.erase(std::unique(title.begin(), title.end(), [](char x, char y) { return x == ' ' && y == ' '; }),
              title.end());
  h.title = title;
  return h;
}

namespace {

// "Presentation", "q-and-a", "Corporate Participants", ...: the words alone on their line.
enum class Heading { kNone, kPresentation, kQa, kParticipants, kEnd };

Heading HeadingOf(std::string_view t) {
  if (t.size() > 40 || t.empty()) return Heading::kNone;
  static const RE2 kPres(R"((?i)presentation|prepared remarks)");
  static const RE2 kQa(R"((?i)questions? and answers?|q-and-a|question-and-answer session)");
  static const RE2 kPart(R"((?i)(?:corporate|conference call) particip\w*)");
  static const RE2 kEnd(R"((?i)definitions|disclaimer)");
  if (RE2::FullMatch(t, kPres)) return Heading::kPresentation;
  if (RE2::FullMatch(t, kQa)) return Heading::kQa;
  if (RE2::FullMatch(t, kPart)) return Heading::kParticipants;
  if (RE2::FullMatch(t, kEnd)) return Heading::kEnd;
  return Heading::kNone;
}

bool IsRule(std::string_view t) {
  return t.size() >= 20 && (t.find_first_not_of('=') == std::string_view::npos ||
                            t.find_first_not_of('-') == std::string_view::npos);
}

}  // namespace

// Header block: "... StreetEvents Event Transcript", "E D I T E D  V E R S I O N", title, date.
void ParseStreetEventsHeader(const Doc& doc, Call* meta) {
  size_t n = std::min<size_t>(doc.size(), 30);
  for (size_t i = 0; i < n; ++i) {
    if (Unspace(doc.line(i)) != "EDITED VERSION") continue;
    size_t j = i + 1;
    while (j < n && IsBlank(doc.line(j))) ++j;
    if (j >= n) return;
    meta->title = DecodeEntities(Trim(doc.line(j)));
    FillFromTitle(meta->title, meta);
    if (j + 1 < n) meta->date = ParseDate(doc.line(j + 1));
    return;
  }
}

int CountBracketSpeakers(const Doc& doc, int* rules) {
  int speakers = 0;
  for (size_t i = 0; i < doc.size(); ++i) {
    std::string_view l = doc.line(i);
    if (l.size() > 2 && l.back() == ']' && l.size() < 300 && ParseBracketSpeaker(l)) ++speakers;
    if (rules && l.size() >= 20 && l[0] == '=' && IsRule(Trim(l))) ++*rules;
  }
  return speakers;
}

Status ParseStreetEvents(const Doc& doc, Parsed* out) {
  ParseStreetEventsHeader(doc, &out->meta);
  TurnBuilder b(doc, out, Wrap::kParagraphPerLine);
  Section section = Section::kPresentation;
  bool in_list = false;
  for (size_t i = 0; i < doc.size(); ++i) {
    std::string_view line = doc.line(i);
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    if (IsRule(t)) {
      b.Break();
      continue;
    }
    switch (HeadingOf(t)) {
      case Heading::kPresentation: section = Section::kPresentation, in_list = false, b.Close(); continue;
      case Heading::kQa: section = Section::kQa, in_list = false, out->qa_heading = true, b.Close(); continue;
      case Heading::kParticipants: in_list = true, b.Close(); continue;
      case Heading::kEnd: in_list = false, b.Close(); continue;
      case Heading::kNone: break;
    }
    if (in_list) {
      // " * Name" then "   Company - Title"
      if (t.substr(0, 2) == "* ") {
        Header h;
        if (i + 1 < doc.size() && Trim(doc.line(i + 1)).substr(0, 2) != "* ") h = SplitCompanyTitle(doc.line(++i));
        h.name = std::string(Trim(t.substr(2)));
        if (h.name == "Operator") continue;
        out->listed.push_back(std::move(h));
      }
      continue;
    }
    if (t.back() == ']') {
      if (auto h = ParseBracketSpeaker(t)) {
        b.Start(std::move(*h), section);
        continue;
      }
    }
    b.Line(i);
  }
  b.Close();
  return Status::Ok();
}

namespace {

class StreetEventsEdited : public Layout {
 public:
  const char* name() const override { return "streetevents_edited"; }
  const char* description() const override {
    return "StreetEvents/Refinitiv EDITED VERSION: ==== section rules, 'Name, Company - Title [n]' "
           "between ---- rules";
  }
  double Detect(const Doc& doc) const override {
    int rules = 0;
    int speakers = CountBracketSpeakers(doc, &rules);
    if (speakers < 2) return 0;
    return rules >= 2 ? 0.95 : 0.4;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    return ParseStreetEvents(doc, out);
  }
};

}  // namespace

const Layout* StreetEventsEditedLayout() {
  static const StreetEventsEdited kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
