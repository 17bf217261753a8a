// Tags the rule modules attach to sentences. Spans are byte offsets into the turn's text.
// Filled by src/rules/ (one module per kind of tag); read by the report sinks (docs/json.md).
#pragma once

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace callscope {

// A number a speaker said, in base units: "$947 million" is 947000000 "USD", "25.1%" is 25.1 "%".
// Units: a currency code (USD, EUR, ...), "USD/share" (per share), "%", "pp" (percentage points),
// "bp", "count", "shares", "x" (multiples), "days", "fraction" (one-third = 0.333...), "number".
struct Quantity {
  int turn = 0;
  int sentence = 0;             // index into Analysis::sentences
  uint32_t start = 0, end = 0;  // span in the turn's text
  double value = 0;             // a range's midpoint
  double low = 0, high = 0;     // equal to value unless a range ("35 to 45 days")
  std::string unit;
  bool range = false;
  bool approx = false;  // "approximately", "over", "mid-single digits"
};

// A comparison said with a metric: "up 29% from the prior year" is {yoy, change, 29, "%"};
// "from $10 million" is {vs_prior, from, 10e6, "USD"}.
struct Comparison {
  std::string kind;  // "yoy", "qoq", "vs_prior" (the base period is unnamed or another one)
  std::string type;  // "change" (signed difference) or "from" (the earlier level)
  double value = 0;    // a range ("up 5% to 7%"): its midpoint
  double low = NAN, high = NAN;  // a range's ends, else NAN
  std::string unit;
  std::string period;  // the base period when named ("Q2 2008"), else empty
  bool Range() const { return !std::isnan(low) && low != high; }
};

// A quantity tied to a financial metric (vocabulary: src/rules/data/metrics.lex).
struct Metric {
  std::string metric;                // canonical name: "revenue", "eps", "gross_margin", ...
  double value = NAN;                // NAN when only a change was said ("IPG revenue was up 8%")
  double low = NAN, high = NAN;
  std::string unit;
  bool approx = false;
  std::string period;   // "Q3 2008", "FY 2008"; empty when unknown
  std::string basis;    // "GAAP", "non-GAAP", "adjusted"; empty when not said
  std::string segment;  // "IPG", "Americas", "service provider"; empty for the company
  std::string share_of; // "revenue" for "19.1% of revenue"
  std::vector<Comparison> comparisons;
  int speaker = 0;  // Participant id
  int turn = 0;
  int sentence = 0;
  uint32_t start = 0, end = 0;  // the value's span (or the first comparison's) in the turn text
  std::string quote;            // the sentence
};

// A forward-looking target management gave (src/rules/modules/guidance/): "for the fourth
// quarter, we expect revenue to be between $921 million and 971 million" in an October 2008 call
// is {revenue, "Q4 2008", 921e6, 971e6, "USD"}. Qualitative guidance ("we expect to sustain these
// operating margins into Q4") has no values.
struct Guidance {
  std::string metric;     // the metrics vocabulary; "<metric>_growth" for a growth rate; "outlook"
  std::string period;     // "Q4 2008", "FY 2009", "H2 2008", "long-term"; empty when not said
  std::string basis;      // "GAAP", "non-GAAP", "adjusted": said, or carried through the outlook
  std::string segment;    // "Intelligent Cloud", "IPG"; empty for the company
  double low = NAN, high = NAN;  // equal for a point; NAN when qualitative
  std::string unit;
  std::string qualifier;  // "approximately", "at least", "at most", "above", "below"; empty: exact
  std::string revision;   // "raised", "lowered", "reaffirmed", "withdrawn", "declined" (none given), "narrowed"; empty: not said
  double prior_low = NAN, prior_high = NAN;  // the guidance it replaces, when said
  bool qualitative = false;
  std::string condition;  // "includes a $0.01 one time benefit ...", "at current levels of demand"
  int speaker = 0;        // Participant id
  int turn = 0;
  int sentence = 0;
  uint32_t start = 0, end = 0;  // the quote's span in the turn's text
  std::string quote;            // the sentence, verbatim
};

// A hedge cue (issue 5): the speaker signals less than full commitment. Categories: "modal",
// "verb" (I think, we believe), "adverb" (probably, kind of), "approximator" (roughly, about $5M),
// "uncertainty" (hard to say, depends on), "conditional" (assuming, cautiously optimistic).
struct Hedge {
  std::string category;
  std::string cue;   // the words as said
  std::string rule;  // the pack rule that matched (data/hedges.pack)
  int speaker = 0;   // Participant id
  int turn = 0;
  int sentence = 0;
  uint32_t start = 0, end = 0;  // the cue's span in the turn's text
};

// A management answer that declines to give what was asked: "refuse" (we don't break that out),
// "unable" (I don't have the specifics), "aftercall" (let's take that offline).
struct NonAnswer {
  std::string category;
  std::string phrase;  // the words as said
  std::string rule;    // data/nonanswers.pack
  int speaker = 0;
  int turn = 0;
  int sentence = 0;
  int exchange = -1;  // the Q&A exchange it answers, -1 when outside one
  uint32_t start = 0, end = 0;
};

// Per-speaker counts, also per section; `lexicons` holds user lexicon hits ("lm.uncertainty": 12).
struct SpeakerCounts {
  int turns = 0;
  int words = 0;
  int hedges = 0;
  std::map<std::string, int> hedges_by_category;
  int nonanswers = 0;
  int guidance = 0;
  int metrics = 0;
  std::map<std::string, int> lexicons;
};

struct SpeakerStats {
  int speaker = 0;  // Participant id
  SpeakerCounts all, presentation, qa;
};

struct Tags {
  std::vector<Quantity> quantities;  // every quantity, all speakers (not in the JSON)
  std::vector<Metric> metrics;
  std::vector<Guidance> guidance;
  std::vector<Hedge> hedges;
  std::vector<NonAnswer> nonanswers;
  std::vector<SpeakerStats> speakers;  // one per participant, in participant order
  SpeakerCounts call;                  // the whole call (every speaker but the operator)
};

}  // namespace callscope
