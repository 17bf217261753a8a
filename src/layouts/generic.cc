// Layouts nobody wrote a parser for, bank investor-relations PDFs first among them. Speakers are
// found by the shape the file uses most: ALL-CAPS prefixes ("JANE FRASER: ..."), dashed lines
// ("Name - Firm - Title"), "Name: text" prefixes, or name lines ("Sergio P. Ermotti", "Andrew
// Coombs, Citi"). Page furniture is what repeats around form feeds, page numbers, "Page N of M",
// copyright lines and "Slide N" headings. The Q&A starts at a heading, else at the operator's cue
// (segment/). Both layouts report a confidence below 1 and a warning: this is a best effort.
#include <re2/re2.h>

#include <unordered_map>

#include "layouts/builder.h"
#include "layouts/common.h"
#include "layouts/speaker_line.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

enum class Shape { kNone, kCaps, kDash, kPrefix, kNameLine };

bool CapsPrefix(std::string_view t, std::string* name, size_t* at) {
  static const RE2 kCaps(R"((\p{Lu}[\p{Lu}.'\-]*(?: \p{Lu}[\p{Lu}.'\-]*){0,4}):(?:\s+|$))");
  re2::StringPiece m[2];
  if (t.size() < 4 || !kCaps.Match(t, 0, t.size(), RE2::ANCHOR_START, m, 2) || m[1].size() < 3) return false;
  name->assign(m[1].data(), m[1].size());
  *at = static_cast<size_t>(m[0].data() + m[0].size() - t.data());
  return true;
}

// "HELENA VASQUEZ-MOORE" -> "Helena Vasquez-Moore" (ASCII letters; others kept as written).
std::string TitleCase(std::string_view caps) {
  std::string out(caps);
  bool start = true;
  for (char& c : out) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
    start = c == ' ' || c == '-' || c == '\'' || c == '.';
  }
  return out;
}

// "Andrew Coombs, Citi" (an analyst and firm) or a bare "Sergio P. Ermotti".
bool NameLine(std::string_view t, Header* h) {
  if (t.size() > 70 || t.empty()) return false;
  char last = t.back();
  if (last == '.' && !(t.size() > 3 && t[t.size() - 3] == ' ')) return false;  // "Sergio P." is fine
  if (last == ',' || last == ';' || last == ':' || last == '?' || last == '!' || last == ')') return false;
  size_t comma = t.find(", ");
  std::string_view name = Trim(t.substr(0, comma));
  size_t spaces = std::count(name.begin(), name.end(), ' ');
  if (spaces < 1 || spaces > 4 || !LooksLikeName(name)) return false;
  bool lower = false;  // "RISK FACTORS", "TABLE OF CONTENTS" are headings, not people
  for (char c : name) lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  if (!lower) return false;
  Header out;
  out.name = std::string(name);
  if (comma != std::string_view::npos) {
    std::string_view firm = Trim(t.substr(comma + 2));
    if (firm.empty() || firm.size() > 40 || !std::isupper(static_cast<unsigned char>(firm[0]))) return false;
    out.affiliation = std::string(firm);
    out.role = Role::kAnalyst;
  }
  *h = std::move(out);
  return true;
}

bool EndsParagraph(std::string_view t) {
  if (t.empty()) return true;
  char c = t.back();
  return c == '.' || c == '?' || c == '!' || c == '"' || c == ':';
}

// "Tidewater Bank Group - Q3 2023 Earnings Call Transcript - August 29, 2023": not a speaker.
bool RunningTitle(std::string_view t) {
  static const RE2 kTitle(R"((?i)\b(?:transcript|earnings call|conference call|results)\b)");
  return RE2::PartialMatch(t, kTitle) || !ParseDate(t).empty();
}

enum class Head { kNone, kPresentation, kQa, kList, kEnd };

Head HeadOf(std::string_view t) {
  if (t.size() > 60) return Head::kNone;
  static const RE2 kPres(R"((?i)presentation|prepared remarks:?|management discussion section|opening remarks)");
  static const RE2 kQa(
      R"((?i)(?:analyst )?(?:q ?& ?a|questions? and answers?|question-and-answer)(?: section| session)?:?(?: \(.*\))?)");
  static const RE2 kList(R"((?i)(?:corporate|conference call|call)? ?participants:?|host|speakers|executives|analysts)");
  if (RE2::FullMatch(t, kPres)) return Head::kPresentation;
  if (RE2::FullMatch(t, kQa)) return Head::kQa;
  if (RE2::FullMatch(t, kList)) return Head::kList;
  return Head::kNone;
}

bool EndNotice(std::string_view t) {
  static const RE2 kEnd(
      R"((?i)^(?:certain statements in this|this transcript (?:includes|contains) statements|cautionary statement|forward-looking statements?\b|disclaimer\b))");
  return RE2::PartialMatch(t, kEnd);
}

class Scan {
 public:
  explicit Scan(const Doc& doc) : doc_(doc), furniture_(doc.size()) {
    // Lines that repeat near page breaks (running headers and footers), page numbers, copyright.
    static const RE2 kPageOf(R"((?i)(?:page )?\d{1,3} (?:of|/) \d{1,3})");
    static const RE2 kCopyright(R"((?i)^(?:copyright|©|\(c\) \d{4}).{0,120}$)");
    // (the document's first lines are a page's top too: its running header there counts)
    std::vector<bool> near(doc.size());
    for (size_t k = 0; k < std::min<size_t>(doc.size(), 7); ++k) near[k] = true;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view l = doc.line(i);
      if (l.empty() || l[0] != '\f') continue;
      for (size_t k = i > 7 ? i - 7 : 0; k < std::min(doc.size(), i + 7); ++k) near[k] = true;
    }
    // A running line repeats only around page breaks; a speaker line may repeat anywhere.
    std::unordered_map<std::string_view, int> seen, anywhere;
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      ++anywhere[t];
      if (near[i]) ++seen[t];
    }
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string_view t = Trim(doc.line(i));
      if (t.empty()) continue;
      bool digits = t.size() <= 4 && t.find_first_not_of("0123456789") == std::string_view::npos;
      std::string caps;
      size_t at = 0;
      bool speaker_shape = CapsPrefix(t, &caps, &at) || (t.find(" - ") != std::string_view::npos && ParseDashedSpeaker(t));
      bool repeats = seen[t] >= 2 && seen[t] == anywhere[t] && t.size() < 140 && (seen[t] >= 3 || !speaker_shape);
      furniture_[i] = (near[i] && (digits || repeats)) || RE2::FullMatch(t, kPageOf) ||
                      (t.size() < 140 && RE2::PartialMatch(t, kCopyright));
      // "...last line of text Page 2 of 6": the footer glued to text is cut off by the parser.
    }
  }
  bool furniture(size_t i) const { return furniture_[i]; }

  Shape Dominant() const {
    int caps = 0, dash = 0, prefix = 0, names = 0;
    name_lines_.clear();
    std::unordered_map<std::string, int> caps_names;
    std::string_view prev;
    for (size_t i = 0; i < doc_.size(); ++i) {
      std::string_view t = Trim(doc_.line(i));
      if (t.empty()) prev = {};
      if (t.empty() || furniture_[i]) continue;
      std::string name;
      size_t at = 0;
      Header h;
      if (CapsPrefix(t, &name, &at)) ++caps_names[name];
      else if (t.size() < 160 && t.find(" - ") != std::string_view::npos && ParseDashedSpeaker(t)) ++dash;
      else if (!SpeakerLabel(t, &at).empty()) ++prefix;
      else if (EndsParagraph(prev) && NameLine(t, &h)) ++name_lines_[h.name];
      prev = t;
    }
    for (const auto& [n, k] : caps_names) caps += k >= 2 || n == "OPERATOR" ? k : 0;
    // Name lines: people speak more than once (headings like "Business Update" do not), or a
    // questioner is written with a firm.
    int recurring = 0;
    for (const auto& [n, k] : name_lines_) names += k >= 2 ? k : 0, recurring += k >= 2;
    if (recurring < 2) names = 0;
    if (caps >= 4 && caps >= dash) return Shape::kCaps;
    if (dash >= 3) return Shape::kDash;
    if (prefix >= 4) return Shape::kPrefix;
    if (names >= 3) return Shape::kNameLine;
    return Shape::kNone;
  }
  // How often a name line names this person (after Dominant()).
  int NameLines(const std::string& name) const {
    auto it = name_lines_.find(name);
    return it == name_lines_.end() ? 0 : it->second;
  }

 private:
  const Doc& doc_;
  std::vector<bool> furniture_;
  mutable std::unordered_map<std::string, int> name_lines_;
};

Status ParseByShape(const Doc& doc, Parsed* out) {
  Scan scan(doc);
  Shape shape = scan.Dominant();
  out->confidence = 0.6;
  out->warnings.push_back("layout not recognised: speakers found by the shape of their lines; check the result");
  // The title block on the first page: "Brightwater Third Quarter 2025 Earnings Call", "October 21, 2025".
  for (size_t i = 0; i < std::min<size_t>(doc.size(), 12); ++i) {
    std::string_view t = Trim(doc.line(i));
    if (t.size() > 100) continue;
    if (out->meta.date.empty()) out->meta.date = ParseDate(t);
    static const RE2 kTitle(R"((?i)\b(?:earnings|results|conference call)\b)");
    if (out->meta.title.empty() && RE2::PartialMatch(t, kTitle)) {
      out->meta.title = std::string(t);
      FillFromTitle(t, &out->meta);
    }
  }
  TurnBuilder b(doc, out, Wrap::kHard);
  Section section = Section::kPresentation;
  bool in_list = false, ended = false, qa_seen = false;
  std::string_view prev;
  // "Slide 13 – Investment Bank" (not "Slide 17 shows our outlook.", a sentence of the remarks)
  static const RE2 kSlide(R"((?i)slide \d+(?:\s*[-–—:|].*)?)");
  static const RE2 kGluedPage(R"((.*\S)\s+Page \d{1,3} of \d{1,3})");
  for (size_t i = 0; i < doc.size(); ++i) {
    std::string_view t = Trim(doc.line(i));
    if (t.empty()) {
      prev = {};  // a blank line ends a paragraph
      continue;
    }
    if (scan.furniture(i) || RE2::FullMatch(t, kSlide)) {
      b.Break();
      continue;
    }
    std::string_view p = prev;
    prev = t;
    Head head = HeadOf(t);
    if (head != Head::kNone) prev = {};  // a heading ends a paragraph too
    if (head == Head::kPresentation || head == Head::kQa) {
      section = head == Head::kQa ? Section::kQa : Section::kPresentation;
      qa_seen |= section == Section::kQa;
      in_list = ended = false;
      b.Close();
      continue;
    }
    if (head == Head::kList) {
      in_list = true;
      b.Close();
      continue;
    }
    if (!out->turns.empty() && EndNotice(t)) {
      ended = true;
      b.Close();
      continue;
    }
    Header h;
    size_t at = std::string_view::npos;
    bool speaker = false;
    std::string name;
    switch (shape) {
      case Shape::kCaps:
        if (CapsPrefix(t, &name, &at)) h.name = name == "OPERATOR" ? "Operator" : TitleCase(name), speaker = true;
        break;
      case Shape::kDash:
        if (t.size() < 160 && t.find(" - ") != std::string_view::npos && !RunningTitle(t)) {
          if (auto d = ParseDashedSpeaker(t)) h = *d, speaker = true;
        }
        break;
      case Shape::kPrefix:
        if (auto l = SpeakerLabel(t, &at); !l.empty()) h.name = std::string(l), speaker = true;
        break;
      case Shape::kNameLine:
        speaker = EndsParagraph(p) && NameLine(t, &h) && (!h.affiliation.empty() || scan.NameLines(h.name) >= 2);
        break;
      case Shape::kNone: break;
    }
    if (!speaker && (t == "Operator" || IsUnidentified(t))) h.name = std::string(t), speaker = true;
    if (in_list) {
      // "Name, Title" (Citi host/speakers) or a name line and a "Firm - Title" line.
      std::string_view next = i + 1 < doc.size() ? Trim(doc.line(i + 1)) : std::string_view{};
      size_t comma = t.find(", ");
      if (shape != Shape::kCaps || !speaker) {
        if (LooksLikeName(t) && next.find(" - ") != std::string_view::npos && next.size() < 160) {
          Header l = SplitCompanyTitle(next);
          l.name = std::string(t);
          out->listed.push_back(std::move(l));
          ++i;
          continue;
        }
        if (comma != std::string_view::npos && LooksLikeName(t.substr(0, comma))) {
          Header l;
          l.name = std::string(t.substr(0, comma));
          l.title = std::string(Trim(t.substr(comma + 2)));
          out->listed.push_back(std::move(l));
          continue;
        }
        if (!speaker) continue;
      }
      in_list = false;
    }
    if (speaker) {
      if (h.name == "Operator") h.role = Role::kOperator;
      // A name line after a page break that repeats the current speaker goes on with the turn.
      RawTurn* cur = b.current();
      if (!(cur && at == std::string_view::npos && cur->who.name == h.name)) b.Start(std::move(h), section);
      ended = false;
      if (at != std::string_view::npos && at < t.size()) {
        auto lead = static_cast<uint32_t>(t.data() - doc.line(i).data());
        b.Add(doc.span(i).begin + lead + static_cast<uint32_t>(at), doc.span(i).end);
      }
      continue;
    }
    if (ended) continue;
    re2::StringPiece body;
    if (RE2::FullMatch(t, kGluedPage, &body)) {  // "... the last words Page 2 of 6"
      uint32_t b0 = doc.span(i).begin + static_cast<uint32_t>(body.data() - doc.line(i).data());
      b.Add(b0, b0 + static_cast<uint32_t>(body.size()));
      b.Break();
      continue;
    }
    b.Line(i);
  }
  out->sectioned = qa_seen;
  return Status::Ok();
}

bool BankIrCues(const Doc& doc) {
  static const RE2 kCue(R"((?i)page \d{1,3} of \d{1,3}|slide \d+ [-–]|transcript|earnings call)");
  int feeds = 0, cues = 0;
  for (size_t i = 0; i < doc.size(); ++i) {
    std::string_view l = doc.line(i);
    feeds += !l.empty() && l[0] == '\f';
    if (l.size() < 140 && RE2::PartialMatch(l, kCue)) ++cues;
  }
  return feeds >= 1 && cues >= 2;
}

class BankIr : public Layout {
 public:
  const char* name() const override { return "bankir_generic"; }
  const char* description() const override {
    return "bank investor-relations PDFs as text (Citi caps prefixes, TD 'Name - Firm - Title', UBS name "
           "lines and slide headings), parsed by speaker shape";
  }
  double Detect(const Doc& doc) const override {
    if (!BankIrCues(doc)) return 0;
    return Scan(doc).Dominant() == Shape::kNone ? 0 : 0.6;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    return ParseByShape(doc, out);
  }
};

class Generic : public Layout {
 public:
  const char* name() const override { return "generic"; }
  const char* description() const override {
    return "fallback: speaker lines found by their shape, the Q&A start by its cues (confidence < 1, warned)";
  }
  double Detect(const Doc& doc) const override {
    // Only what reads like a call: spoken greetings or the operator's words.
    static const RE2 kSpoken(R"((?i)\b(?:good (?:morning|afternoon|evening)|thank you|thanks|operator|next question)\b)");
    int spoken = 0;
    for (size_t i = 0; i < doc.size() && spoken < 3; ++i) spoken += RE2::PartialMatch(doc.line(i), kSpoken);
    if (spoken < 3) return 0;
    return Scan(doc).Dominant() == Shape::kNone ? 0 : 0.35;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    Status s = ParseByShape(doc, out);
    out->confidence = 0.4;
    return s;
  }
};

}  // namespace

const Layout* BankIrLayout() {
  static const BankIr kLayout;
  return &kLayout;
}
const Layout* GenericLayout() {
  static const Generic kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
