// Thomson StreetEvents "FINAL TRANSCRIPT" (2000s): letter-spaced section titles, speaker lines
// "Name - Company - Title" (sometimes indented one space, sometimes not after a blank line), and
// page furniture every page that cuts turns mid-sentence:
//   www.streetevents.com Contact Us 2
//   (c) 2008 Thomson Financial. Republished with permission. ... (two lines)
//   F I N A L  T R A N S C R I P T
//   Oct. 23. 2008 / 4:45PM, JNPR - Q3 2008 Juniper Networks Earnings Conference Call
//   http://www.streetevents.com ...
#include <re2/re2.h>

#include "layouts/layout.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

bool IsFurniture(std::string_view line, Call* meta) {
  static const RE2 kContact(R"((?i)www\.streetevents\.com\s+Contact Us\s+\d*)");
  static const RE2 kCopyright(
      R"((?:©|\(c\)|Copyright)\s*(?:\d{4}\s+)?(?:Thomson|Reuters|Refinitiv|CCBN|StreetEvents).*)");
  static const RE2 kConsent(R"(prior written consent of (?:Thomson|Reuters|Refinitiv|CCBN).*)");
  static const RE2 kUrl(R"(https?://\S+)");
  static const RE2 kDateLine(
      R"(([A-Z][a-z]{2,8}\.? \d{1,2}\.? \d{4}) / \d{1,2}:\d\d ?[AP]M(?: [A-Z]{2,4})?, ([A-Z0-9.\-]{1,12}) - (.+))");
  std::string_view t = Trim(line);
  if (t.empty()) return false;
  if (t.size() > 20 && t.substr(0, 2) == "F " && Unspace(t) == "FINAL TRANSCRIPT") return true;
  if (RE2::FullMatch(t, kContact) || RE2::FullMatch(t, kCopyright) || RE2::FullMatch(t, kConsent) ||
      RE2::FullMatch(t, kUrl))
    return true;
  std::string date, ticker, title;
  if (t.size() < 200 && RE2::FullMatch(t, kDateLine, &date, &ticker, &title)) {
    if (meta->title.empty()) {
      meta->title = DecodeEntities(Trim(title));
      meta->ticker = ticker;
      meta->date = ParseDate(date);
      FillFromTitle(meta->title, meta);
    }
    return true;
  }
  return false;
}

class StreetEventsFinal : public Layout {
 public:
  const char* name() const override { return "streetevents_final"; }
  const char* description() const override {
    return "Thomson StreetEvents FINAL TRANSCRIPT (2000s): spaced section titles, "
           "'Name - Company - Title' lines, page furniture";
  }

  double Detect(const Doc& doc) const override {
    int spaced = 0, final_mark = 0, speakers = 0;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t.size() > 10 && t.size() < 60 && t[1] == ' ') {
        std::string u = Unspace(t);
        if (u == "FINAL TRANSCRIPT") ++final_mark;
        if (u == "PRESENTATION" || u == "QUESTIONS AND ANSWERS") ++spaced;
      }
      if (t.size() < 160 && t.find(" - ") != std::string_view::npos && ParseDashedSpeaker(t)) ++speakers;
    }
    if (speakers < 2 || (spaced == 0 && final_mark == 0)) return 0;
    double s = 0.3 + 0.3 * (spaced > 0) + 0.3 * (final_mark > 0) + 0.1 * (speakers >= 4);
    return s;
  }

  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    Section section = Section::kPresentation;
    bool in_participants = false, started = false;
    RawTurn* cur = nullptr;
    uint32_t piece_begin = 0, piece_end = 0;
    bool piece_open = false;
    auto close_piece = [&] {
      if (cur && piece_open) cur->pieces.push_back({piece_begin, piece_end});
      piece_open = false;
    };
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view line = doc.line(i);
      std::string_view t = Trim(line);
      if (t.empty()) continue;
      if (IsFurniture(line, &out->meta)) {
        close_piece();
        continue;
      }
      if (t.size() < 80 && t.size() > 8 && t[1] == ' ') {
        std::string u = Unspace(t);
        if (!u.empty()) {
          close_piece();
          if (u == "PRESENTATION") {
            section = Section::kPresentation, in_participants = false, started = true;
          } else if (u == "QUESTIONS AND ANSWERS" || u == "QUESTION AND ANSWER") {
            section = Section::kQa, in_participants = false, started = true, out->qa_heading = true;
          } else if (u.find("PARTICIPANTS") != std::string::npos) {
            in_participants = true;
          } else {
            in_participants = false;
          }
          cur = nullptr;
          continue;
        }
      }
      if (in_participants) {
        // " Name\n Company - Title" pairs
        if (auto h = ParseDashedSpeaker(t)) {
          out->listed.push_back(*h);
        } else if (LooksLikeName(t) && i + 1 < doc.size()) {
          std::string_view next = Trim(doc.line(i + 1));
          size_t dash = next.find(" - ");
          if (dash != std::string_view::npos) {
            out->listed.push_back({std::string(t), std::string(next.substr(0, dash)),
                                   std::string(next.substr(dash + 3)), std::nullopt});
            ++i;
          }
        }
        continue;
      }
      if (t.size() < 200) {
        std::optional<Header> h = ParseDashedSpeaker(t);
        if (!h && (t == "Operator" || IsUnidentified(t))) h = Header{std::string(t), "", "", std::nullopt};
        if (h) {
          close_piece();
          started = true;
          out->turns.push_back({});
          cur = &out->turns.back();
          cur->who = std::move(*h);
          cur->section = section;
          continue;
        }
      }
      if (!started || !cur) continue;  // cover page text before the first section
      if (!piece_open) piece_begin = doc.span(i).begin, piece_open = true;
      piece_end = doc.span(i).end;
    }
    close_piece();
    return Status::Ok();
  }
};

}  // namespace

const Layout* StreetEventsFinalLayout() {
  static const StreetEventsFinal kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
