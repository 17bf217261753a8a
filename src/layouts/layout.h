// Stage 2: detect the vendor layout of a normalized text and parse it into raw speaker turns,
// with page furniture removed. One file per layout; registry.cc picks one by score.
// Layouts do not decide roles or merge people: that is segment/'s job, the same for all layouts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "callscope/analysis.h"
#include "callscope/status.h"

namespace callscope::layouts {

struct Span {
  uint32_t begin = 0, end = 0;
};

// The normalized text split into lines once ('\n' excluded; a leading '\f' is kept).
class Doc {
 public:
  explicit Doc(std::string_view text);
  std::string_view text() const { return text_; }
  size_t size() const { return lines_.size(); }
  const Span& span(size_t i) const { return lines_[i]; }
  std::string_view line(size_t i) const { return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin); }

 private:
  std::string_view text_;
  std::vector<Span> lines_;
};

enum class Wrap {
  kHard,              // lines are hard-wrapped; a blank line ends a paragraph
  kParagraphPerLine,  // every line is a paragraph
};

struct Header {
  std::string name, affiliation, title;
  std::optional<Role> role;  // when the layout says (e.g. "Operator", a Q/A marker)
};

struct RawTurn {
  Header who;
  Section section = Section::kPresentation;
  std::vector<Span> pieces;  // runs of body lines in the text; page furniture between them
  std::string owned;         // text for layouts whose turns are not spans (JSON); used if pieces empty
  Wrap wrap = Wrap::kHard;
};

struct Parsed {
  std::string layout;
  double confidence = 1.0;
  Call meta;
  std::vector<Header> listed;  // participants lists at the top of a call
  std::vector<RawTurn> turns;
  std::vector<std::string> warnings;
  bool qa_heading = false;     // an explicit Q&A section heading was seen
  bool sectioned = true;       // false: no section markers; segment/ finds the Q&A start by cues
  bool speakerless = false;    // the format carries no speakers (earningscall's flat text): a document
  std::string text;            // when set, pieces index into this (HTML converted to text), not the input
};

class Layout {
 public:
  virtual ~Layout() = default;
  virtual const char* name() const = 0;
  virtual const char* description() const = 0;
  // 0 = certainly not this layout, 1 = certainly. Must be cheap: it runs for every layout.
  virtual double Detect(const Doc& doc) const = 0;
  virtual Status Parse(const Doc& doc, Parsed* out) const = 0;
};

const std::vector<const Layout*>& Registry();

// Detects (or forces, when `forced` is not "auto") the layout and parses.
Result<Parsed> DetectAndParse(const Doc& doc, std::string_view forced);

}  // namespace callscope::layouts
