// FactSet CallStreet transcripts as PDF text: MANAGEMENT DISCUSSION SECTION / QUESTION AND ANSWER
// SECTION, dotted rules between turns, a speaker block (optional Q/A marker, name line, "Title,
// Company" line), inline "Operator: ..." turns, and page furniture: a running header after each
// form feed, "1-877-FACTSET" / copyright footers, page numbers. At a page break the marker, name
// and title repeat mid-turn: that is the same turn going on, not a new one.
#include <re2/re2.h>

#include <set>

#include "layouts/builder.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

bool IsDots(std::string_view t) { return t.size() >= 20 && t.find_first_not_of('.') == std::string_view::npos; }
bool IsMarker(std::string_view t) { return t == "Q" || t == "A"; }
bool IsPageNumber(std::string_view t) {
  return !t.empty() && t.size() <= 4 && t.find_first_not_of("0123456789") == std::string_view::npos;
}
bool IsFooter(std::string_view t) {
  return t.find("1-877-FACTSET") != std::string_view::npos ||
         (t.find("FactSet CallStreet") != std::string_view::npos && t.find("Copyright") != std::string_view::npos);
}
// "Chief Financial Officer, Halvorsen Freight Corp.", "Analyst, Northgate Capital LLC"
bool IsTitleLine(std::string_view t) {
  static const RE2 kSentence(R"([.?!] [a-z]|\b(?:the|we|you|our|is|are|that)\b)");
  return t.size() < 140 && t.find(", ") != std::string_view::npos && t.back() != '?' && t.back() != ',' &&
         !RE2::PartialMatch(t, kSentence);
}
bool IsSpeakerName(std::string_view t) { return t.size() < 50 && (LooksLikeName(t) || IsUnidentified(t)); }

class FactSet : public Layout {
 public:
  const char* name() const override { return "factset"; }
  const char* description() const override {
    return "FactSet CallStreet PDF text: MANAGEMENT DISCUSSION / QUESTION AND ANSWER SECTION, name and "
           "title lines, Q/A markers, dotted rules, page headers and footers";
  }
  double Detect(const Doc& doc) const override {
    int heads = 0, dots = 0;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t == "MANAGEMENT DISCUSSION SECTION" || t == "QUESTION AND ANSWER SECTION") ++heads;
      else if (t.size() >= 20 && t[0] == '.' && IsDots(t)) ++dots;
    }
    if (heads == 0 || dots < 2) return 0;
    return 0.95;
  }

  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    // The cover block (before the first heading) and the first running header give the lines that
    // repeat at the top of every page.
    std::set<std::string_view> header_lines;
    size_t first_head = doc.size();
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t == "MANAGEMENT DISCUSSION SECTION" || t == "QUESTION AND ANSWER SECTION") {
        first_head = i;
        break;
      }
      if (!t.empty()) header_lines.insert(t);
      if (out->meta.date.empty()) out->meta.date = ParseDate(t);
      if (out->meta.title.empty() && t.find("Earnings Call") != std::string_view::npos && t.size() < 80) {
        out->meta.title = std::string(t);
        FillFromTitle(t, &out->meta);
      }
      static const RE2 kCompany(R"((.+?) \(([A-Z.]{1,6})\))");
      std::string company, ticker;
      if (out->meta.ticker.empty() && RE2::FullMatch(t, kCompany, &company, &ticker))
        out->meta.company = company, out->meta.ticker = ticker;
    }
    TurnBuilder b(doc, out, Wrap::kHard);
    Section section = Section::kPresentation;
    bool expect_header = false;  // after a dotted rule or a heading
    size_t page_top = 0;         // lines since the last form feed (small: page header zone)
    bool page_break = false;     // a form feed since the last body line
    for (size_t i = first_head; i < doc.size(); ++i) {
      std::string_view raw = doc.line(i);
      if (!raw.empty() && raw[0] == '\f') page_top = 0, page_break = true;
      ++page_top;
      std::string_view t = Trim(raw);
      if (t.empty()) continue;
      if (IsPageNumber(t) || IsFooter(t) || (page_top <= 6 && header_lines.count(t))) {
        // (text that lost its form feeds: the footer opens the next page's header zone)
        if (IsFooter(t)) page_top = 0, page_break = true;
        b.Break();
        continue;
      }
      if (t == "MANAGEMENT DISCUSSION SECTION" || t == "QUESTION AND ANSWER SECTION") {
        b.Close();
        section = t[0] == 'M' ? Section::kPresentation : Section::kQa;
        out->qa_heading |= section == Section::kQa;
        expect_header = true;
        continue;
      }
      if (IsDots(t)) {
        b.Close();
        expect_header = true;
        continue;
      }
      if ((expect_header || page_break) && IsMarker(t)) continue;
      if (expect_header && t.substr(0, 9) == "Operator:") {
        b.Start(Header{"Operator", "", "", Role::kOperator}, section);
        uint32_t at = doc.span(i).begin + static_cast<uint32_t>(raw.find("Operator:") + 9);
        b.Add(at, doc.span(i).end);
        expect_header = page_break = false;
        continue;
      }
      if ((expect_header || page_break) && IsSpeakerName(t)) {
        size_t j = i + 1;
        while (j < doc.size() && IsBlank(doc.line(j))) ++j;
        std::string_view title = j < doc.size() ? Trim(doc.line(j)) : std::string_view{};
        if (IsTitleLine(title)) {
          RawTurn* cur = b.current();
          bool repeat = !expect_header && cur && cur->who.name == t;
          if (!repeat) {
            Header h;
            h.name = std::string(t);
            size_t comma = title.find(", ");
            h.title = std::string(title.substr(0, comma));
            h.affiliation = std::string(title.substr(comma + 2));
            b.Start(std::move(h), section);
          } else {
            b.Break();
          }
          i = j;
          expect_header = page_break = false;
          continue;
        }
      }
      expect_header = page_break = false;
      b.Line(i);
    }
    return Status::Ok();
  }
};

}  // namespace

const Layout* FactSetLayout() {
  static const FactSet kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
