// Internals of the HTML report (src/report/html*.cc): one self-contained page per call, built
// from the same Analysis as every other sink. Byte-stable: no clock, no absolute paths added.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "callscope/analysis.h"

namespace callscope::report::html {

// The kinds of highlight in the transcript, outermost first when spans nest.
enum Kind { kGuidance, kNonAnswer, kHedge, kMetric, kKinds };

struct KindInfo {
  const char* key;    // CSS class suffix and toggle id: "guidance"
  const char* label;  // "Guidance"
  const char* what;   // one line for the legend
};
extern const KindInfo kKindInfo[kKinds];

// A highlighted span of one turn's text. `id` (may be empty) is the anchor a table row links to.
struct Mark {
  Kind kind;
  int turn = 0;
  uint32_t start = 0, end = 0;
  std::string id;
  std::string title;  // shown on hover: what was tagged
};

// How many tags of a kind the call has (guidance items, not the sentences that hold them).
size_t TagCount(const Analysis& a, Kind kind);

// The anchor of guidance item `i`: items said in the same span share one highlight.
std::string GuidanceAnchor(const Analysis& a, size_t i);

// Every highlight of the call, in (turn, start) order; at most one anchor per id.
std::vector<Mark> CollectMarks(const Analysis& a);

// Per-speaker numbers for the chart and the speaker table.
struct SpeakerStat {
  int participant = 0;
  size_t turns = 0, words = 0, hedges = 0, nonanswers = 0;
  double hedge_rate() const { return words ? 1000.0 * hedges / words : 0; }  // per 1,000 words
};
std::vector<SpeakerStat> SpeakerStats(const Analysis& a);  // speakers who spoke, in id order

void AppendEsc(std::string* o, std::string_view s);  // text and attribute values alike
std::string Esc(std::string_view s);
size_t Words(std::string_view s);
// "$947M", "$0.27/share", "25.1%", "6,830 shares", "921M..971M" for a range; "" for NaN.
std::string Amount(double value, double low, double high, const std::string& unit);

void AppendTranscript(const Analysis& a, const std::vector<Mark>& marks, std::string* o);
void AppendSpeakerChart(const Analysis& a, const std::vector<SpeakerStat>& stats, std::string* o);

// The page's <head> (title escaped here) and the end of the document with the script.
void AppendHead(const std::string& title, std::string* o);
void AppendTail(std::string* o);

extern const char kCss[];
extern const char kJs[];

}  // namespace callscope::report::html
