// The metrics module (data/metrics.pack + metrics.lex): ties the quantities of a management
// sentence to the metric they measure, with period, basis, segment and comparisons.
// Per sentence: collect mentions (metrics, segments, periods, basis, comparison cues), then walk
// the quantities left to right; each is a level (a new Metric), a change or an earlier level
// ("from $10 million"), which attach to the Metric before them.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

#include "rules/engine.h"
#include "rules/modules/modules.h"
#include "rules/modules/phrases.h"

namespace callscope::rules {
namespace {

enum class Kind { kMetric, kSegment, kPeriod, kBasis, kChange, kFrom, kContrast, kYoy, kQoq, kShareOf, kBlock, kForward, kFlat };

struct RuleInfo {
  Kind kind;
  std::string attr;  // basis name, period rel, block scope, segment scope
  int sign = 1;
  std::string unit;  // a block only for quantities in this unit ("%"), else any
  bool carries = true;  // a period the next sentences of the paragraph inherit (carry=no: not)
  bool holds = false;   // basis: a sentence holding it sets no basis for the turn (carry=block)
  bool subject = false;        // segment: the sentence's subject (subject=1)
  bool checked_names = false;  // segment: its name is checked against notnames (names=checked)
  int opens = -1;  // segment: opening a sentence, it speaks for the next ones (opens=1: also named after a metric; opens=0: never)
  bool ref = false;          // period: a reference a change is counted from, never when (ref=1)
  bool own = false;          // basis: only of the metric whose name it holds or follows (own=1)
  bool named_after = false;  // change: a noun after the number, of the metric named after it (named=after)
  bool right_after = false;  // basis: of the figure it follows, said right after the number (after=1)
  bool when = false;  // period: an earlier one named in full, when the figure happened unless a cue makes it a reference (when=1)
  bool known = false;  // segment: only a name the call gave a figure to before (known=1)
};

struct Mention {
  uint32_t b, e;
  const Match* m;
  const RuleInfo* in;
  const Lexicon::Entry* metric = nullptr;
  std::string text;  // segment name, basis, resolved period
  std::string own;   // a period a cue made a reference: what it names read as the figure's own
  bool comparative = false;
  bool cause = false;    // a period named as the source of an effect ("the impact from our Q3 offering")
  uint32_t name_at = 0;  // a segment: where its name starts (the match may start a word before it)
};

struct State : ModuleState {
  int turn = -1;
  std::string basis, period, segment;  // carried: basis in the turn, period and segment in the paragraph
  // `segment` was named by the paragraph's opening words in a section (Section), not a heading
  // sentence; with its revenue ("Fixed Income revenues were up 2%")
  bool segment_opened = false, segment_line = false;
  bool framed = false;  // the basis was said of the figures to come ("on a GAAP basis"), not of one metric
  bool consolidated = false;  // ... of the consolidated results only: not of a segment's
  // A region the turn reviews as a reporting segment ("In the Europe segment, sales rose 12%"): the
  // lines named after it ("Books revenue rose 8%") are the region's, until a figure of no segment
  // or another segment's.
  std::string region;
  // The last period a forward-looking sentence of this turn named ("beginning with Q1 where we
  // expect ..."): what the turn's later forward sentences without one speak of, paragraphs apart.
  std::string forward_period;
  int period_at = 0;  // the sentence that named `period`
  int basis_at = 0;   // ... and `basis`
  bool period_heading = false;  // ... a heading, no figures in it
  std::string opener;  // the segment that opened a recent sentence of the paragraph
  int opener_until = 0;  // the last sentence `opener` speaks for
  // `opener` was named with its revenue ("Corporate Lending revenues increased 5%")
  bool opener_line = false;
  std::string turn_segment;  // the last segment that headed a paragraph or opened the turn's talk of it
  int turn_segment_at = 0;   // its sentence
  // The segment a section of the turn is about, paragraphs on (Section): its sentence, and whether
  // it was set by the segment's bottom line ("Harbor Lending reported net income of $310 million").
  std::string section;
  int section_at = 0;
  bool section_reports = false;
  bool section_pending = false;  // a slide was turned to, its segment not yet named
  bool forward = false;  // this sentence looks ahead
  // The call's currency, for amounts said without one (NoteCurrency).
  bool currency_read = false;
  std::string declared, counted;
  std::string Currency() const { return declared.empty() ? counted : declared; }
  // the metrics the last sentence named with a segment (ThatImpact), and its index
  std::vector<std::pair<std::string, std::string>> last;
  int last_at = -1;
  // the segments the call's figures were given so far, in lower case (for rules with known=1)
  std::set<std::string, std::less<>> known;
  std::vector<Mention> ms;
  std::vector<std::pair<int, int>> roles;
  std::vector<const Mention*> used, forced, region_after;
  // a quantity's place in a list of k said before "respectively" whose metrics are not all named:
  // {n, k}, else {0, 0} ("$7 billion or $1.20 per share, ... up 11% and 13%, respectively")
  std::vector<std::pair<int, int>> slot;
};

constexpr int kPeriodReach = 6;
constexpr int kOpenerReach = 2;
// "Segment gross margin ..." speaks of a segment opened at most this many sentences back
constexpr int kSectionReach = 15;

bool IsCurrency(const std::string& u) {
  return u.size() == 3 && std::all_of(u.begin(), u.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
bool AllLower(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
// Words before a figure that name another level than a segment's: an opening preposition of
// `leads` ("Outside the Americas, ...") or a word of the whole ("Company gross margin",
// "Together").
std::string LevelRegex(const char* leads, const char* more_words) {
  return std::string(R"((?i)^\W*(?:(?:and|but|so|now)\s*,?\s+)?(?:)") + leads +
         R"()\b|\b(?:company|total|overall|consolidated|firm|firmwide|group|enterprise|together|combined|collectively|whole|entire)" +
         more_words + R"()\b)";
}
// "Segment gross margin rose ...": a sentence about the segment the turn last opened.
bool OpensWithSegment(std::string_view text) {
  static const RE2 kSegmentOpens(R"(^\W*Segment\s)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kSegmentOpens);
}
bool AllUpper(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

class Metrics : public Module {
 public:
  explicit Metrics(const Pack& p)
      : pack_(p), metrics_(p.lexicon("metric")), segments_(p.lexicon("segment")), notnames_(p.lexicon("notname")),
        currencies_(p.lexicon("currency")), curwords_(p.lexicon("curword")), numwords_(p.lexicon("numword")) {
    static const std::unordered_map<std::string, Kind> kinds = {
        {"metric", Kind::kMetric}, {"segment", Kind::kSegment}, {"period", Kind::kPeriod},
        {"basis", Kind::kBasis},   {"change", Kind::kChange},   {"from", Kind::kFrom},
        {"contrast", Kind::kContrast}, {"yoy", Kind::kYoy},     {"qoq", Kind::kQoq},
        {"share_of", Kind::kShareOf}, {"block", Kind::kBlock}, {"forward", Kind::kForward},
        {"flat", Kind::kFlat}};
    for (const auto& r : p.rules()) {
      auto k = kinds.find(r->Attr("kind"));
      if (k == kinds.end()) {
        error_ = fmt::format("{}:{}: rule {}: kind must be one of metric, segment, period, basis, change, from, "
                             "contrast, yoy, qoq, share_of, block, forward, flat", r->file, r->line, r->name);
        return;
      }
      std::string key = k->second == Kind::kBasis ? "basis" : k->second == Kind::kSegment ? "scope"
                        : k->second == Kind::kBlock ? (r->Attr("scope").empty() ? "after" : "scope")
                        : k->second == Kind::kChange ? "after" : "rel";
      info_[r.get()] = {k->second, r->Attr(key), std::atoi(r->Attr("sign", "1").c_str()), r->Attr("unit"),
                        r->Attr("carry") != "no" && r->Attr("carry") != "block", r->Attr("carry") == "block",
                        r->Attr("subject") == "1", r->Attr("names") == "checked", std::atoi(r->Attr("opens", "-1").c_str()),
                        r->Attr("ref") == "1", r->Attr("own") == "1", r->Attr("named") == "after",
                        k->second == Kind::kBasis && r->Attr("after") == "1", r->Attr("when") == "1",
                        r->Attr("known") == "1"};
    }
  }
  const std::string& error() const { return error_; }
  const char* name() const override { return "metrics"; }
  std::unique_ptr<ModuleState> NewState() const override { return std::make_unique<State>(); }
  void Describe(const Analysis& a, std::vector<std::string>* lines) const override {
    for (const auto& x : a.tags.metrics) lines->push_back(rules::Describe(x));
  }

  bool Wants(const SentenceContext& ctx) const override {
    return ctx.role != Role::kAnalyst && ctx.role != Role::kOperator && pack_.MayMatch(ctx.text);
  }
  void Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const override {
    State& st = *static_cast<State*>(state);
    if (ctx.turn.index != st.turn)
      st.turn = ctx.turn.index, st.basis.clear(), st.framed = false, st.consolidated = false, st.region.clear(), st.period.clear(),
      st.forward_period.clear(), st.turn_segment.clear(), st.section.clear();
    if (ctx.paragraph_start || ctx.index > st.opener_until) st.opener.clear();
    // (a period a heading named, "Let me now walk through our full year 2019 results.", runs on into the
    // next paragraphs, kPeriodReach sentences: layouts that make each sentence a paragraph)
    if (ctx.paragraph_start) {
      if (!st.period_heading || ctx.index - st.period_at > kPeriodReach) st.period.clear();
      st.segment.clear();
    }
    // A period named in passing does not run on for ever where a layout gives a whole turn as one
    // paragraph: it carries over the next kPeriodReach sentences.
    if (!st.period.empty() && ctx.index - st.period_at > kPeriodReach) st.period.clear();
    NoteCurrency(ctx, &st);
    if (ctx.role == Role::kAnalyst || ctx.role == Role::kOperator) return;
    if (!m->searched) {  // the prefilter said no (no slide number: only a section to close)
      st.ms.clear(), st.section_pending = false;
      if (!st.section.empty() || !st.segment.empty())
        Section(ctx, &st);  // "Back to the whole company."
      return;
    }
    Collect(ctx, *m, &st);
    const size_t made_from = out->metrics.size();
    if (!ctx.quantities.empty()) Attach(ctx, *m, st, out);
    AheadOfYear(ctx, st, made_from, out);
    ThatImpact(ctx, &st, made_from, out);
    RegionLines(ctx, &st, made_from, out);
    for (size_t i = made_from; i < out->metrics.size(); ++i)
      if (!out->metrics[i].segment.empty()) st.known.insert(Lower(out->metrics[i].segment));
    // A disclaimer ("how our non-GAAP figures reconcile to GAAP") sets no basis for the turn.
    bool disclaimer = std::any_of(st.ms.begin(), st.ms.end(), [](const Mention& x) { return x.in->holds; });
    for (const Mention& x : st.ms) {
      if (x.in->kind == Kind::kBasis && x.in->carries && !disclaimer) {
        // said of the figures to come: "on a GAAP basis", "in non-GAAP terms", or "Turning to our
        // non-GAAP results", "we will discuss non-GAAP measures" (not "immaterial to our non-GAAP
        // results"); framed until another basis is named ("... non-GAAP results" then "non-GAAP EPS")
        static const RE2 kBasisTerms(R"((?i)^\s+(?:basis|terms)\b)");
        static const RE2 kResults(R"((?i)^\s+(?:financial\s+)?(?:results|numbers|figures|measures|discussion|performance)\b)");
        static const RE2 kPresents(
            R"((?i)\b(?:turning|moving|turn|discuss\w*|review\w*|present\w*|refer\w*|speak\w*|talk\w*|focus\w*|unless\s+otherwise|all)\b[^.;]*$)");
        re2::StringPiece after(ctx.text.data() + x.e, ctx.text.size() - x.e), before(ctx.text.data(), x.b);
        bool frames = RE2::PartialMatch(after, kBasisTerms) ||
                      (RE2::PartialMatch(after, kResults) && RE2::PartialMatch(before, kPresents));
        // ("we will discuss non-GAAP figures for our consolidated results": not the segments' figures)
        static const RE2 kConsolidated(R"((?i)\bconsolidated\b)");
        const bool kept = st.framed && st.basis == x.text;
        st.consolidated = frames ? RE2::PartialMatch(after, kConsolidated) : kept && st.consolidated;
        st.framed = frames || kept;
        st.basis = x.text, st.basis_at = ctx.index;
        break;
      }
    }
    for (const Mention& x : st.ms) {
      if (x.in->kind == Kind::kPeriod && !x.comparative && Carries(x) && !Stale(x.text, ctx.analysis.call)) {
        st.period = !st.forward && JustBegun(x.text, ctx.analysis.call) ? ctx.analysis.call.fiscal_period : x.text;
        st.period_at = ctx.index, st.period_heading = ctx.quantities.empty() && !st.forward && ReviewHeading(ctx.text);
        if (st.forward && Ahead(x.text, ctx.analysis.call)) st.forward_period = x.text;
      }
      // "Turning to our Enterprise segment.": a heading sentence names the segment of the paragraph
      if (x.in->kind == Kind::kSegment && x.in->attr == "paragraph" && ctx.quantities.empty())
        st.segment = st.turn_segment = x.text, st.segment_opened = false,
        st.turn_segment_at = ctx.index;
      // "Harbor Lending reported net income of $150 million. Adjusted net income was ...": a
      // segment that opens a sentence speaks for the next kOpenerReach sentences too
      // (a subject, or a name before a financial metric: not "Aggregates shipments rose 4%")
      // (its name opening the sentence: not "We expect Harbor revenue to rise 2%")
      if (x.in->kind == Kind::kSegment && x.in->attr == "sentence" && x.in->opens != 0 && x.name_at <= 4 &&
          (x.in->subject || FinancialAfter(st, x)))
        st.opener = x.text, st.opener_until = ctx.index + kOpenerReach,
        st.opener_line = !x.in->subject && RevenueAfter(st, x);
      // ... and so does one named right after an opening metric: "Revenues for the Mobile Business
      // Unit rose to $1.9 billion. ... Operating income was $979 million" (not a region: "Revenue
      // in the Americas grew 5%" leaves the next sentence the company's)
      if (x.in->kind == Kind::kSegment && x.in->opens == 1 && x.b <= 4 && !IsRegion(x.text))
        st.opener = st.turn_segment = x.text, st.opener_until = ctx.index + kOpenerReach,
        st.turn_segment_at = ctx.index, st.opener_line = false;
      // (so does one a metric's name holds: "KLM's sales reached $70 million", a line of the
      // vocabulary aside: "Services revenue grew 9%")
      // (the name before the metric's: not "Our average price for aggregates rose 3%")
      else if (x.in->kind == Kind::kMetric && !x.text.empty() && x.b <= 4 && x.metric->Attr("class") != "none" &&
               !IsRegion(x.text) && !IsLine(x.text) &&
               Lower(ctx.text.substr(0, x.text.size() + 8)).find(Lower(x.text)) != std::string::npos)
        st.opener = x.text, st.opener_until = ctx.index + kOpenerReach,
        st.opener_line = x.metric->Name() == "revenue";
      // (and so does the subject of a sentence that turns to it: "Turning to the U.S., our Harbor
      // Bank delivered earnings of $890 million. ... Segment earnings were $1.0 billion")
      // (and heads the section, paragraphs on: layouts that break a paragraph every few lines)
      else if (x.in->kind == Kind::kSegment && x.in->subject && !IsRegion(x.text) && TurnsTo(ctx.text))
        st.opener = st.turn_segment = st.section = x.text, st.opener_until = ctx.index + kOpenerReach,
        st.turn_segment_at = st.section_at = ctx.index, st.opener_line = false, st.section_reports = false;
      // ... and it speaks on while the sentences name it again ("KLM's sales reached $70 million.
      // Demand for KLM's sensors held up. ... Its operating profit rose 3%")
      else if (x.in->kind == Kind::kSegment && !st.opener.empty() && x.text == st.opener && ctx.index <= st.opener_until)
        st.opener_until = ctx.index + kOpenerReach;
    }
    Section(ctx, &st);
    // "Segment gross margin rose 1 point. Operating expenses increased 8%.": the segment the turn
    // opened lately is the section's (not "Now to security." pages before, in a call given as one
    // turn)
    if (!st.turn_segment.empty() && ctx.index - st.turn_segment_at <= kSectionReach &&
        OpensWithSegment(ctx.text))
      st.section = st.turn_segment, st.section_at = ctx.index, st.section_reports = false;
  }

 private:
  // The call's currency, for amounts said without one ("Total revenues were 9.8 billion"): the one
  // declared anywhere in the call ("I refer to results in US dollars"), else the one its explicit
  // amounts use most ($, USD, EUR, CHF ...). Read once per call, from every turn.
  void NoteCurrency(const SentenceContext& ctx, State* st) const {
    if (st->currency_read || !currencies_ || !curwords_) return;
    st->currency_read = true;
    static const RE2 kIn(R"((?i)\bin\s+((?:(?:U\.?S\.?|Canadian|Australian|Swiss)\s+)?(dollars|francs|euros|pounds(?:\s+sterling)?|yen))\b)");
    static const RE2 kMark(R"((US\$|C\$|A\$|\$|€|£|¥|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD)\b)\s?\d)");
    std::map<std::string, int> votes;
    for (const Turn& t : ctx.analysis.turns) {
      re2::StringPiece sp(t.text);
      std::string phrase, word, mark;
      if (st->declared.empty() && RE2::PartialMatch(sp, kIn, &phrase, &word)) {
        const Lexicon::Entry* e = curwords_->Find(phrase);
        if (!e) e = curwords_->Find(word);  // "U.S dollars": the word alone
        if (e) st->declared = e->canonical;
      }
      while (RE2::FindAndConsume(&sp, kMark, &mark))
        if (const Lexicon::Entry* e = currencies_->Find(mark)) ++votes[e->canonical];
    }
    int best = 0;
    for (const auto& [cur, n] : votes)
      if (n > best) st->counted = cur, best = n;
  }

  // A section of the turn about one segment, across paragraphs (layouts that break a turn into a
  // paragraph every few lines, bank calls that go line by line): opened by a heading sentence
  // naming it ("Now, on to the details of HLB's performance.") or by the segment's bottom line
  // said as the subject ("HLB reported net income of $310 million on revenue of $1.4 billion",
  // "Coastal Banking net income in the quarter was $0.9 billion"); closed by a sentence turning
  // to a topic that names no segment ("Turning to the balance sheet"), or one about the whole
  // company ("Firmwide, ..."), and at the end of the turn.
  void Section(const SentenceContext& ctx, State* st) const {
    static const RE2 kTurns(
        R"((?i)^\W*(?:(?:and|so|now|next|finally|lastly|then|ok(?:ay)?)\b\W*)*(?:let\s+me\s+(?:now\s+|just\s+)?(?:turn|move|go|switch|shift|wrap|close)|let'?s\s+(?:now\s+)?(?:quickly\s+|briefly\s+)?(?:turn|move|go|look|review|discuss|switch|talk)|(?:i'?ll|i\s+will|i'?d\s+like\s+to)\s+(?:now\s+)?(?:turn|move|switch|close|wrap)|turn(?:ing)?|moving|switching|shifting|on\s*to|onto|to\s+wrap|in\s+(?:summary|closing|conclusion)|looking\s+(?:ahead|forward)|with\s+that)\b)");
    // the whole company, or a new slide ("On slide 9, profit before tax in Marine Insurance
    // rose 14%": a new slide, a new section); one pass over the sentence for both
    static const RE2 kWholeOrSlide(
        R"((?i)\b(?:(slide|page)\s+\d+|firm[\s-]?wide|group[\s-]?wide|(?:total|whole|entire|overall)\s+(?:company|firm|bank|group)|(?:company|firm|group)\s+level|consolidated)\b)");
    re2::StringPiece text(ctx.text.data(), ctx.text.size()), slide_word;
    bool named = std::any_of(st->ms.begin(), st->ms.end(),
                             [](const Mention& x) { return x.in->kind == Kind::kSegment; });
    bool marked = RE2::PartialMatch(text, kWholeOrSlide, &slide_word);
    bool slide = marked && !slide_word.empty();
    // a paragraph opening with another segment than the section's is that one's, the section's
    // again after it: "Marine Systems' organic growth was 4%. ... Operating margin rose" after
    // the slide on Connected Home; "Advisory revenues rose 30%" in the Coastal Bank's section
    if (ctx.paragraph_start && !st->section.empty())
      for (const Mention& x : st->ms)
        if (x.in->kind == Kind::kSegment && x.b <= 4 && !IsRegion(x.text) &&
            x.text != st->section) {
          st->segment = x.text, st->segment_opened = true;
          st->segment_line = !x.in->subject && RevenueAfter(*st, x);
          break;
        }
    if (marked || (!named && (!st->section.empty() || !st->segment.empty()) &&
                   RE2::PartialMatch(text, kTurns)))
      st->section.clear(), st->segment.clear();
    // a basis said of one figure does not run on into the next slide's or segment's ("Adjusted
    // expenses increased 10%." then "Please turn to slide 13. ... expenses increased 2%"); one said
    // of all the figures to come does (framed)
    const std::string section_before = st->section;
    // (named by the slide's sentence, else by the next one's opening words: "On slide 11, we show
    // how Harbor Lending did. Harbor Lending revenues rose 3%")
    bool pending = slide || st->section_pending;
    st->section_pending = false;
    for (const Mention& x : st->ms) {
      if (x.in->kind != Kind::kSegment || IsRegion(x.text)) continue;
      if (pending && (slide || (x.b <= 4 && (x.in->subject || FinancialAfter(*st, x)))))
        st->section = x.text, st->section_at = ctx.index, st->section_reports = false,
        pending = false;
      // (a heading sentence, or one turning to the segment: "Turning to Marine Insurance, we
      // earned $90 million"; not to a line of a segment that reported)
      bool heading = x.in->attr == "paragraph" &&
                     (ctx.quantities.empty() || (!st->section_reports && x.b <= 4 && TurnsTo(ctx.text)));
      // (the segment the subject, or its name opening the sentence or the clause after an opening
      // phrase: "Moving to the results, Harbor Lending net income was")
      static const RE2 kOpening(R"(^[^,;\d]{0,60},\s*$)");
      size_t at = x.b;
      while (at < x.e && (ctx.text[at] == ',' || ctx.text[at] == ' ')) ++at;
      bool opening = x.in->subject || at <= 4 ||
                     RE2::PartialMatch(re2::StringPiece(ctx.text.data(), at), kOpening);
      // ("Turning to Marine Insurance, we earned $90 million" too)
      static const RE2 kEarned(R"((?i)^[^.;\d]{0,24}?\b(?:we|it|they)\s+earned\b)");
      bool reports =
          opening && (std::any_of(st->ms.begin(), st->ms.end(),
                                  [&](const Mention& k) {
                                    return k.in->kind == Kind::kMetric && k.metric &&
                                           k.metric->Name() == "net_income" && k.e >= x.e &&
                                           k.e <= x.e + 48;
                                  }) ||
                      RE2::PartialMatch(
                          re2::StringPiece(ctx.text.data() + x.e, ctx.text.size() - x.e), kEarned));
      if (heading || reports)
        st->section = x.text, st->section_at = ctx.index, st->section_reports = reports;
    }
    st->section_pending = slide && pending;
    if (!st->framed && st->basis_at < ctx.index && (slide || (!st->section.empty() && st->section != section_before)))
      st->basis.clear();
  }

  // Whether the sentence names `segment` for one of its figures (not inherited from the ones
  // before, nor its subject, which speaks for all of them: "the Harbor Cloud topped $5 billion of
  // revenue, up 24%").
  static bool NamedHere(const State& st, const std::string& segment) {
    return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
      return x.in->kind == Kind::kSegment && x.text == segment && !x.in->subject;
    });
  }

  // The kind segments.lex gives a name (region, line, not, month), else "".
  std::string SegmentKind(std::string_view name) const {
    const Lexicon::Entry* e = segments_->Find(name);
    return e ? e->Attr("kind") : std::string();
  }
  bool IsLine(const std::string& name) const { return SegmentKind(name) == "line"; }

  // The whole company's goal said between a business and a figure: "X's cost-to-income ratio will
  // help the group meet its target of less than 70%" (the target is the group's, not X's).
  static bool WholeBetween(std::string_view text, uint32_t from, uint32_t to) {
    if (to <= from) return false;
    static const RE2 kWhole(
        R"((?i)\bthe\s+(?:group|firm|company)(?:'s)?\s+(?:(?:meeting|reaching|achieving|hitting|meet|reach|achieve|hit)\s+)?(?:its\s+|our\s+)?(?:targets?|goals?|ambitions?)\b)");
    return RE2::PartialMatch(re2::StringPiece(text.data() + from, to - from), kWhole);
  }

  // A segment named in an aside that defers to its own results ("total cost of revenues, including
  // fees, which I will come back to in the Harbor segment results, were $2.1 billion"): not the figure's.
  static bool Deferred(std::string_view s, uint32_t b) {
    static const RE2 kDefer(
        R"((?i)\b(?:which|that)\s+(?:I|we)(?:'ll|\s+will|\s+would)?\s+(?:discuss|cover|address|review|talk\s+about|come\s+back\s+to)\w*\s+(?:[\w-]+\s+){0,2}?(?:in|with|under|as\s+part\s+of)\s+(?:the\s+|our\s+)?$)");
    const size_t from = b > 60 ? b - 60 : 0;
    return RE2::PartialMatch(re2::StringPiece(s.data() + from, b - from), kDefer);
  }

  // A heading that presents the results of a period: "Let me now walk through our full year 2019
  // results.", "Turning to our full-year results" (not "Looking to Q4, ...": a forecast's period)
  static bool ReviewHeading(std::string_view text) {
    static const RE2 kReview(R"((?i)\b(?:review\w*|recap\w*|results|performance)\b)");
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kReview);
  }

  // A sentence opening by turning to a topic: "Turning to the U.S., ...", "And finally, moving on to
  // ...", "Onto ...".
  static bool TurnsTo(std::string_view text) {
    static const RE2 kTurns(R"((?i)^\W*(?:(?:and|so|now|finally|lastly|then|okay|ok|also)\W+)*(?:turning|moving|switching|on\s*to|onto)\b)");
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kTurns);
  }

  bool IsRegion(const std::string& name) const { return SegmentKind(name) == "region"; }

  // The figures of a line named while the turn reviews a region as a segment are the region's
  // line's ("North America Media"); a sentence naming a region as a segment starts the review, a
  // figure of no segment (a consolidated total) or of a segment said as one ends it.
  void RegionLines(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const {
    if (st->region.empty() && out->metrics.size() == made_from) return;  // (no figure starts one)
    static const RE2 kSegmentWord(R"((?i)^\s+(?:segment|business|division)\b)");
    static const RE2 kWhole(R"((?i)^(?:worldwide|global|total|consolidated|company)\b)");
    std::string named;  // the segment this sentence names as one
    for (const Mention& x : st->ms) {
      if (x.in->kind != Kind::kSegment || x.text.empty()) continue;
      const size_t at = ctx.text.substr(x.b, x.e - x.b).find(x.text);
      if (at == std::string_view::npos) continue;
      const size_t end = x.b + at + x.text.size();
      if (RE2::PartialMatch(re2::StringPiece(ctx.text.data() + end, ctx.text.size() - end), kSegmentWord)) {
        named = x.text;
        break;
      }
    }
    if (!st->region.empty() && named.empty())
      for (size_t i = made_from; i < out->metrics.size(); ++i) {
        std::string& seg = out->metrics[i].segment;
        if (seg.empty() || IsRegion(seg) || seg.find(st->region) != std::string::npos ||
            RE2::PartialMatch(seg, kWhole))
          continue;
        seg = st->region + " " + seg;
      }
    auto any = [&](auto pred) { return std::any_of(out->metrics.begin() + made_from, out->metrics.end(), pred); };
    // (a region said as a segment with its figures: not "growth in the New to Canada segment")
    if (!named.empty())
      st->region = IsRegion(named) && any([&](const Metric& m) { return m.segment == named; }) ? named : "";
    else if (any([](const Metric& m) { return m.segment.empty(); }))
      st->region.clear();
  }

  // The metric named right after `seg` is revenue: a line of business, not a reporting segment.
  static bool RevenueAfter(const State& st, const Mention& seg) {
    return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
      return k.in->kind == Kind::kMetric && k.metric && k.b < seg.e + 40 && k.e > seg.b &&
             k.metric->Name() == "revenue";
    });
  }

  // The first metric within a few words after `seg` is one other than a volume or balance (class
  // none): not "Aggregates shipments rose 4%, and our average price ..."
  static bool FinancialAfter(const State& st, const Mention& seg) {
    auto first = std::find_if(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
      return k.in->kind == Kind::kMetric && k.metric && k.b < seg.e + 40 && k.e > seg.b;
    });
    return first != st.ms.end() && first->metric->Attr("class") != "none";
  }

  // Periods that later mentions of "the quarter" and later sentences inherit: not "this quarter",
  // a long-term target or a part of the year ("in the first half").
  static bool Carries(const Mention& x) {
    return x.in->carries && x.in->attr != "this" && x.in->attr != "long" && x.in->attr != "ytd";
  }

  // A quarter before the call's is a reference ("hurt by a tax payment made in Q1 of FY22" on a Q1
  // FY23 call; "both deals, closed last Q2 and Q4"), not the period the next sentences
  // speak of: a call speaks of its own quarter unless a sentence says otherwise.
  static bool Stale(const std::string& period, const Call& call) {
    if (period.size() != 7 || period[0] != 'Q' || !call.fiscal_year || !call.fiscal_quarter) return false;
    int q = period[1] - '0', y = std::atoi(period.c_str() + 3);
    return y * 4 + q < call.fiscal_year * 4 + call.fiscal_quarter;
  }

  // The fiscal year on its first quarter's call: a past-tense sentence about it ("free cash flow was
  // unchanged for the year", "a good start to the year") speaks of the quarter, and so do
  // the figures after it.
  static bool JustBegun(const std::string& period, const Call& call) {
    return call.fiscal_quarter == 1 && call.fiscal_year && period == fmt::format("FY {}", call.fiscal_year);
  }

  // A period not yet over on the call's date ("Q1 2020" or "FY 2020" on a Q4 2019 call; "FY 2019" on
  // its Q3 call): what a forward-looking sentence may speak of ("... following the events of 2018" may not).
  static bool Ahead(const std::string& period, const Call& call) {
    int cy = call.fiscal_year, cq = call.fiscal_quarter;
    if (period.size() != 7 || !cy || !cq) return false;
    int n = period[1] - '0', y = std::atoi(period.c_str() + 3);
    if (period[0] == 'Q') return y * 4 + n > cy * 4 + cq;  // the call's quarter is over
    if (period[0] == 'H') return y * 2 + n >= cy * 2 + (cq > 2 ? 2 : 1);
    if (period.starts_with("FY")) return y > cy || (y == cy && cq < 4);
    return false;
  }

  // Whether what lies between "from"/"than" and a period ties them: a figure ("from $0.15 reported in
  // the 2007 third quarter") or words without a comma ("than our 2011 effective tax rate").
  static bool RefersBack(const SentenceContext& ctx, uint32_t from, uint32_t to) {
    if (ctx.text.substr(from, to - from).find(',') == std::string_view::npos) return true;
    return std::any_of(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) {
      uint32_t b = q.start - ctx.sentence.begin;
      return b >= from && b < to;
    });
  }

  // Mentions of every kind, in text order; overlapping ones of one kind keep the longest.
  void Collect(const SentenceContext& ctx, const Matches& m, State* st) const {
    auto& ms = st->ms;
    ms.clear();
    for (const Match& x : m.list) ms.push_back({x.begin, x.end, &x, &info_.at(x.rule)});
    std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) {
      if (a.b != b.b) return a.b < b.b;
      return a.e > b.e;
    });
    // "we expect fiscal Q1 ...": a sentence about the future names coming periods
    bool forward = std::any_of(ms.begin(), ms.end(), [](const Mention& x) { return x.in->kind == Kind::kForward; });
    st->forward = forward;
    std::vector<Mention> kept;
    for (Mention& x : ms) {
      bool shadowed = std::any_of(kept.begin(), kept.end(), [&](const Mention& k) {
        // a metric mention hides the segment words inside it, but not a subject naming the segment
        // of the whole sentence ("WMB reported net income of $2.3 billion on revenue of $9.6 billion")
        // (a cue said right after a number, after=1, does not hide one said before it, nor the
        // reverse: "a $23 million decline versus" and "to decline roughly 20%" are both read)
        bool same = (k.in->kind == x.in->kind && (k.in->kind != Kind::kChange || (k.in->attr == "1") == (x.in->attr == "1"))) ||
                    (k.in->kind == Kind::kMetric && x.in->kind == Kind::kSegment && !x.in->subject);
        return same && x.b < k.e && k.b < x.e;
      });
      if (shadowed || !Fill(ctx, m, forward, &x)) continue;
      // "In home devices, we see ...": a lower-case name only once the call gave it a figure
      if (x.in->known && !st->known.count(Lower(x.text))) continue;
      kept.push_back(std::move(x));
    }
    ms.swap(kept);
    // Periods: "the quarter" means the last quarter named before it; comparative ones follow a cue.
    std::string carry = st->period;
    for (Mention& x : ms) {
      if (x.in->kind != Kind::kPeriod) continue;
      if (x.in->attr == "this") x.text = carry.starts_with("Q") ? carry : ctx.analysis.call.fiscal_period;
      x.comparative = (x.in->attr == "prev_q" || x.in->attr == "prev_y" || x.in->attr == "same_q" || x.in->ref) && !x.in->when;
      // "rose only 1.5% during the second quarter of last year": an earlier period said with "during"
      // is when it happened, unless a "from"/"than" before it makes it a reference (below); "in" is
      // not enough ("compared to $0.48 in the prior quarter")
      if (x.comparative) {
        static const RE2 kDuring(R"((?i)\bduring\s+(?:the\s+)?$)");
        std::string_view before = ctx.text.substr(x.b > 12 ? x.b - 12 : 0, x.b > 12 ? 12 : x.b);
        if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kDuring)) x.comparative = false;
      }
      // a period within 60 bytes after "from"/"than" is the reference, unless a "to" came between:
      // "from 24.1% in 2019 to 25% in 2020"; not the "from" of a metric's name ("cash from operations"),
      // nor one a clause away ("from a yearly view, gross margins, I believe, in the second quarter")
      // ("over the first half of the year, revenue was up 20%": "over" before any number is "during")
      auto during = [&](const Mention& c) {
        std::string_view w = ctx.text.substr(c.b, c.e - c.b);
        return (w == "over" || w == "Over") &&
               std::none_of(ctx.quantities.begin(), ctx.quantities.end(),
                            [&](const Quantity& q) { return q.start - ctx.sentence.begin < c.b; });
      };
      // ("a benefit from FY '18", "the impact from our Q3 offering": the period of a cause, neither
      // the figure's nor one it is compared with)
      static const RE2 kCause(R"((?i)\b(?:impacts?|benefits?|contributions?|effects?|headwinds?|tailwinds?|drag)\s+$)");
      for (const Mention& c : ms)
        if ((c.in->kind == Kind::kFrom || c.in->kind == Kind::kContrast) && c.e <= x.b && x.b - c.e <= 60 &&
            ctx.text.substr(c.e, x.b - c.e).find(" to ") == std::string_view::npos && !InMetric(*st, c) &&
            RefersBack(ctx, c.e, x.b) && !during(c)) {
          x.comparative = true;
          const uint32_t from = c.b > 24 ? c.b - 24 : 0;
          x.cause = x.b - c.e <= 12 && RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, c.b - from), kCause);
          if (x.in->attr != "this") {  // a reference is past
            if (x.own.empty()) x.own = x.text;
            x.text = Period(m, *x.m, x.in->attr, ctx.analysis.call, false, !forward);
          }
        }
      if (!x.comparative && Carries(x)) carry = x.text;
    }
  }

  // "Total Harbor revenue", "All-up Harbor ML revenue": a word of the whole is no part of the name
  static std::string_view DropWhole(std::string_view seg) {
    static const RE2 kWhole(R"(^(?:Total|Overall|All[\s-]up|Combined)\s+)");
    re2::StringPiece rest(seg.data(), seg.size());
    if (RE2::Consume(&rest, kWhole) && !rest.empty()) return std::string_view(rest.data(), rest.size());
    return seg;
  }

  // (a line of the vocabulary said with a capital inside the sentence is a name, kept as said:
  // "Within Services, Consulting realized ..."; at its start, or after a capitalised word, the
  // vocabulary's form: "Services revenue", "In Devices, ...")
  std::string Segment(std::string_view seg, std::string_view sentence = {}) const {
    seg = DropWhole(seg);
    if (seg.empty()) return {};
    const Lexicon::Entry* e = segments_->Find(seg);
    if (e && (e->Attr("kind") == "not" || e->Attr("kind") == "month")) return {};
    if (!e && metrics_->Find(seg)) return {};
    if (e && AllUpper(e->canonical) && AllLower(seg)) return {};  // "us" is not the US
    if (e && e->Attr("kind") == "line" && !sentence.empty() && seg.data() > sentence.data() &&
        seg.data() < sentence.data() + sentence.size() && std::isupper(static_cast<unsigned char>(seg[0]))) {
      // (not after a capitalised word of the same name, "Retail Services", nor the sentence's first word)
      std::string_view before = sentence.substr(0, static_cast<size_t>(seg.data() - sentence.data()));
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      size_t w = before.find_last_of(' ');
      std::string_view prev = w == std::string_view::npos ? before : before.substr(w + 1);
      bool joined = !prev.empty() && std::isupper(static_cast<unsigned char>(prev[0])) && std::isalpha(static_cast<unsigned char>(prev.back()));
      if (!joined) return std::string(seg);
    }
    return e ? e->canonical : std::string(seg);
  }

  // "Subscription revenue grew 20%, with Europe up 25%": a region's share of a line is the line's
  // in the region ("Europe subscription"), not the region's whole revenue
  std::string InRegion(const std::string& region, const std::string& line) const {
    std::string_view rest = line;  // (the line of a record made so: "APAC subscription", then "Americas")
    for (size_t sp = line.find(' '); sp != std::string::npos; sp = line.find(' ', sp + 1))
      if (IsRegion(line.substr(0, sp))) rest = std::string_view(line).substr(sp + 1);
    if (rest.empty() || !IsRegion(region) || SegmentKind(rest) == "region") return region;
    return region + " " + std::string(rest);
  }

  // "solid storage products and cloud services sales": a pair of lower-case lines, the first
  // ending in a line word of the vocabulary (one word before it, not a word of praise or size)
  size_t LowerPairHead(std::string_view text, size_t from) const {
    static const RE2 kPair(R"((?:^|[\s,(])(?:([\w-]+)\s+)?([a-z][\w-]*)\s+and\s+$)");
    static const std::set<std::string, std::less<>> kNot = {
        "strong", "stronger", "higher", "lower", "solid", "continued", "good", "record", "robust", "healthy",
        "weak", "weaker", "better", "increased", "our", "the", "its", "their", "in", "of", "for", "and", "with", "from",
        "by", "on", "to", "at", "both", "all", "core", "new", "growing", "strength", "growth", "saw", "see", "sees",
        "had", "has", "have", "drove", "drive", "drives", "grew", "grow", "grows", "posted", "was", "were", "is", "are"};
    re2::StringPiece before, line;
    if (!RE2::PartialMatch(re2::StringPiece(text.data(), from), kPair, &before, &line)) return from;
    const Lexicon::Entry* e = segments_->Find(std::string_view(line.data(), line.size()));
    if (!e || e->Attr("kind") != "line" || kNot.count(std::string_view(line.data(), line.size()))) return from;
    std::string_view b(before.data() ? before.data() : "", before.size());
    static const RE2 kTogether(R"((?i)total|overall|combined)");
    if (RE2::FullMatch(re2::StringPiece(b.data(), b.size()), kTogether)) return from;  // the lines together: no pair's name
    // (and a name in capitals before it: "Office suite products and cloud services")
    if (!b.empty() && std::islower(static_cast<unsigned char>(b[0])) && !kNot.count(b) && !b.ends_with("ly") && !b.ends_with("ed"))
      return NameStart(text, static_cast<size_t>(before.data() - text.data()));
    return NameStart(text, static_cast<size_t>(line.data() - text.data()));
  }

  // "Network products and cloud services sales", "Search and social ads revenue": a line
  // named as a pair, from its capitalised first word (not "Total product and services revenue")
  static size_t AndHead(std::string_view text, size_t from) {
    static const RE2 kAndHead(R"((?:^|[\s,(])(([A-Z][\w-]*)(?:\s+[a-z][\w-]*)?\s+and\s+(?:[a-z][\w-]*\s+)?)$)");
    re2::StringPiece pair, first;
    if (!RE2::PartialMatch(re2::StringPiece(text.data(), from), kAndHead, &pair, &first)) return from;
    const size_t first_b = static_cast<size_t>(first.data() - text.data());
    const size_t start = NameStart(text, first_b + first.size() + 1);  // the first word is a name's
    return start <= first_b ? start : from;
  }

  // Where the capitalised words right before `at` begin ("Office 365 " before "Commercial"):
  // names and model numbers, not sentence openers, periods or basis words.
  static size_t NameStart(std::string_view text, size_t at) {
    static const std::set<std::string, std::less<>> kStop = {
        "The", "Our", "Its", "Their", "This", "That", "These", "Those", "And", "But", "So", "Or", "In", "For", "On",
        "At", "With", "From", "Of", "By", "As", "Total", "Net", "Adjusted", "GAAP", "Non-GAAP", "Reported", "Organic",
        "Fiscal", "Quarter", "Full", "Year", "First", "Second", "Third", "Fourth", "Also", "Overall", "Now", "Then",
        "Similarly", "Meanwhile", "Again", "Finally", "Lastly", "Next", "Turning", "Moving", "Both", "All", "Each",
        "We", "I", "Consolidated", "Company", "Group", "Q", "FY", "YTD", "Yes", "Well", "OK", "Okay", "Further",
        "Additionally", "Importantly", "Likewise", "While", "Although", "When", "If", "Record", "Strong"};
    size_t from = at;
    while (from >= 2 && text[from - 1] == ' ') {
      size_t b = from - 1;
      while (b > 0 && text[b - 1] != ' ' && text[b - 1] != ',' && text[b - 1] != '(' && text[b - 1] != '"') --b;
      std::string_view w = text.substr(b, from - 1 - b);
      bool digits = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      // (an initialism with dots counts: "U.S. Retail Bank")
      bool upper = !w.empty() && std::isupper(static_cast<unsigned char>(w[0])) &&
                   (std::all_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '&' || c == '-'; }) ||
                    (w.size() <= 6 && w.back() == '.' &&
                     std::all_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; })));
      bool period = w.size() >= 2 && (w[0] == 'Q' || w[0] == 'H') && std::isdigit(static_cast<unsigned char>(w[1]));
      bool year = digits && w.size() == 4 && (w.starts_with("19") || w.starts_with("20"));
      if (w.empty() || kStop.count(w) || period || year || w.starts_with("FY") || w.ends_with("ly")) break;
      if (digits) {  // a number only inside a name: "Office 365 Commercial"
        size_t prev = b >= 2 ? text.rfind(' ', b - 2) : std::string_view::npos;
        size_t word = prev == std::string_view::npos ? 0 : prev + 1;
        if (b < 2 || text[b - 1] != ' ' || !std::isupper(static_cast<unsigned char>(text[word]))) break;
      } else if (!upper) {
        break;
      }
      from = b;
    }
    return from;
  }

  // The company itself is not a segment: "Micron delivered", "AMD's revenue".
  static bool IsCompany(const Call& call, std::string_view seg) {
    std::string_view co = call.company;
    co = co.substr(0, co.find(' '));
    return !seg.empty() && co.size() == seg.size() &&
           std::equal(co.begin(), co.end(), seg.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  }

  bool Fill(const SentenceContext& ctx, const Matches& m, bool forward, Mention* x) const {
    const Call& call = ctx.analysis.call;
    switch (x->in->kind) {
      case Kind::kMetric: {
        x->metric = metrics_->Find(m.Group(*x->m, "metric"));
        if (!x->metric) return false;
        std::string_view sa = m.Group(*x->m, "seg"), sb = m.Group(*x->m, "seg2");
        // "G&A expense": another metric's name the vocabulary holds whole, read as a segment and a
        // metric (not "commercial RPO" said in full, the same metric's)
        if (!sa.empty() && sb.empty() && x->e > static_cast<uint32_t>(sa.data() - ctx.text.data())) {
          size_t at = static_cast<size_t>(sa.data() - ctx.text.data());
          if (const Lexicon::Entry* whole = metrics_->Find(ctx.text.substr(at, x->e - at)); whole && whole != x->metric) {
            x->metric = whole;
            return true;
          }
        }
        std::string a = Segment(sa, ctx.text), b = Segment(sb, ctx.text);
        if (IsCompany(call, a)) a.clear();
        // "Consumer Bank net income": a name ending in an organisation's noun is the whole name
        static const std::set<std::string, std::less<>> kOrgans = {"Bank", "Group", "Management"};
        if (!a.empty() && b.empty() && kOrgans.count(sb) && std::isupper(static_cast<unsigned char>(sa[0])))
          a = std::string(sa.data(), static_cast<size_t>(sb.data() + sb.size() - sa.data()));
        x->text = a.empty() ? b : b.empty() ? a : a + " " + b;
        // "Office 365 Commercial revenue", "Securities Services revenue": the name the line ends
        // (from the words that name a segment: not a stop word the vocabulary lists, "and services revenue")
        if (std::string_view first = !a.empty() ? sa : sb, last = !sb.empty() ? sb : sa; !x->text.empty() && !first.empty()) {
          size_t at = static_cast<size_t>(first.data() - ctx.text.data());
          size_t from = NameStart(ctx.text, at), end = static_cast<size_t>(last.data() + last.size() - ctx.text.data());
          if (size_t pair = AndHead(ctx.text, from); pair != from) from = pair;
          else if (from == at && AllLower(first)) from = LowerPairHead(ctx.text, from);
          std::string_view head = ctx.text.substr(from, at - from);
          if (!head.empty() && !IsCompany(call, head.substr(0, head.find(' '))))
            x->text = DropWhole(ctx.text.substr(from, end - from));
        }
        return true;
      }
      case Kind::kSegment: {
        std::string_view seg = m.Group(*x->m, "seg");
        // "Within Services, Consulting realized ...": the subject is the name after the comma
        if (size_t c = seg.rfind(", "); x->in->subject && c != std::string_view::npos &&
                                        seg.find(" and ", c) == std::string_view::npos && seg.find(" & ", c) == std::string_view::npos)
          seg.remove_prefix(c + 2);
        // "Turning to CapEx.": the sentence's full stop is no part of the name (an abbreviation's
        // is: "U.S.")
        if (seg.size() > 1 && seg.back() == '.' && seg.find('.') == seg.size() - 1) seg.remove_suffix(1);
        // "Turning to life and retirement's first quarter.": nor is the period it closes with
        static const RE2 kClosingPeriod(
            R"(((?:'s)?\s+(?:(?:(?:first|second|third|fourth)[\s-])?quarter|Q[1-4]|(?:full[\s-])?year)(?:\s+(?:results|performance))?|\s+(?:results|performance))$)");
        if (re2::StringPiece tail; seg.find(' ') != std::string_view::npos &&
                                   RE2::PartialMatch(re2::StringPiece(seg.data(), seg.size()), kClosingPeriod, &tail))
          seg.remove_suffix(tail.size());
        const Lexicon::Entry* e = segments_->Find(seg);
        if (x->m->rule->name == "region" && (!e || e->Attr("kind") != "region")) return false;
        if (x->in->checked_names && notnames_) {
          // "While Asia Wealth Management revenue ...": a sentence opener is not part of the name
          static const std::set<std::string, std::less<>> kOpeners = {
              "While", "When", "If", "Although", "Though", "Because", "Since", "After", "Before", "During", "Excluding",
              "Including", "Despite", "Meanwhile", "However", "And", "But", "So", "Now", "Also", "Then", "The", "Our"};
          for (size_t sp = seg.find(' '); sp != std::string_view::npos && kOpeners.count(seg.substr(0, sp)); sp = seg.find(' '))
            seg.remove_prefix(sp + 1);
          if (notnames_->Find(seg)) return false;  // "Net revenue"
          std::string_view last_word = seg.substr(seg.find_last_of(' ') + 1);
          const Lexicon::Entry* last = segments_->Find(last_word);
          if (last && last->Attr("kind") == "month") return false;  // "..., September revenue fell"
          if (metrics_->Find(last_word)) return false;              // "Our GAAP EPS grew by 7%"
        }
        // "fee revenue excluding Trading rose 5%": what is left out is no segment
        static const RE2 kLeftOut(R"((?i)\b(?:excluding|ex\.?|except|other\s+than|outside(?:\s+of)?|without)\s+(?:the\s+|our\s+)?$)");
        if (size_t at = seg.data() - ctx.text.data(); seg.data() && at <= ctx.text.size()) {
          size_t from = at > 24 ? at - 24 : 0;
          if (RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, at - from), kLeftOut)) return false;
        }
        x->text = Segment(seg, ctx.text);
        x->name_at = seg.data() ? static_cast<uint32_t>(seg.data() - ctx.text.data()) : x->b;
        return !x->text.empty() && !IsCompany(call, x->text);
      }
      case Kind::kBasis:
        x->text = x->in->attr == "none" ? "" : x->in->attr;
        return true;
      case Kind::kPeriod: {
        x->text = Period(m, *x->m, x->in->attr, call, forward, !forward && LastBefore(ctx.text, x->b));
        // (no year before earnings calls were held: a speech-to-text "19 ... 33 cents" is no 1933)
        static const RE2 kYear(R"(\b((?:19|20)\d\d)\b)");
        if (int year = 0; x->text.find("19") != std::string::npos && RE2::PartialMatch(x->text, kYear, &year) && year < 1990)
          return false;
        return !x->text.empty() || x->in->attr == "this";
      }
      default:
        return true;
    }
  }

  static int QuarterNumber(std::string_view w) {
    if (w.empty()) return 0;
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    return c == 'f' ? (w.size() > 1 && (w[1] == 'o' || w[1] == 'O') ? 4 : 1) : c == 's' ? 2 : c == 't' ? 3 : c - '0';
  }
  static int Year(std::string_view y, int dflt) {
    if (y.empty()) return dflt;
    int v = std::atoi(std::string(y).c_str());
    return v < 100 ? 2000 + v : v;
  }

  static std::string Quarter(int q, int y) { return y ? fmt::format("Q{} {}", q, y) : fmt::format("Q{}", q); }
  // The quarter before the call's, or the call's quarter a year earlier.
  static std::string Relative(const Call& call, const std::string& rel) {
    int cy = call.fiscal_year, cq = call.fiscal_quarter;
    if (rel == "prev_q") return cq ? Quarter(cq == 1 ? 4 : cq - 1, cq == 1 ? cy - 1 : cy) : "";
    return cq && cy ? Quarter(cq, cy - 1) : cy ? fmt::format("FY {}", cy - 1) : "";
  }

  // "last" right before a period at `b` ("last Q4", "which closed last Q3 and Q4").
  static bool LastBefore(std::string_view text, uint32_t b) {
    static const RE2 kLast(R"((?i)\blast\s+(?:fiscal\s+)?(?:(?:Q[1-4]|(?:first|second|third|fourth)\s+quarter)\s+and\s+)?$)");
    uint32_t from = b > 32 ? b - 32 : 0;
    return RE2::PartialMatch(re2::StringPiece(text.data() + from, b - from), kLast);
  }

  // A quarter or year named without its year is the call's, except in a sentence about the future
  // (`forward`): "fiscal Q1" on a Q4 call is next year's, and so is "the full year" said after the
  // last quarter; and except a quarter later than the call's said to be past (`past`: "last Q4", or
  // a reference in a sentence not about the future): "down from Q4" on a Q1 call is last year's.
  static std::string Period(const Matches& m, const Match& x, const std::string& rel, const Call& call, bool forward,
                            bool past = false) {
    int cy = call.fiscal_year, cq = call.fiscal_quarter;
    std::string_view qs = m.Group(x, "q");
    if (qs.empty()) qs = m.Group(x, "qn");
    if (qs.empty()) qs = m.Group(x, "qn2");
    if (qs.empty()) qs = m.Group(x, "q2");
    int q = QuarterNumber(qs);
    std::string_view ys = m.Group(x, "y");
    if (ys.empty()) ys = m.Group(x, "y2");
    if (rel == "this") return {};
    if (rel == "long") return "long-term";
    if (rel == "next_q") return cq && cy ? Quarter(cq == 4 ? 1 : cq + 1, cq == 4 ? cy + 1 : cy) : "";
    if (rel == "next_y") return cy ? fmt::format("FY {}", cy + 1) : "";
    bool ahead = forward && ys.empty() && cy && cq && (rel == "fy" ? cq == 4 : q && q < cq);
    if (rel == "ytd") {  // "the first nine months", "nine-month": 9M 2020; "the first half": H1 2020; "year-to-date": YTD 2020
      int y = Year(ys, cy);
      if (!m.Group(x, "ly").empty() && y) --y;  // "the first half of last year"
      // "through Q3": the year so far when that is the call's quarter (9M 2020), else that quarter
      static const std::map<std::string, int, std::less<>> kNth = {{"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}};
      if (std::string_view tq = m.Group(x, "tq"), tw = m.Group(x, "tw"); !tq.empty() || !tw.empty()) {
        std::string w(tw);
        std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
        int n = !tq.empty() ? tq[0] - '0' : kNth.at(w);
        if (n != cq) return Quarter(n, y);
        static const char* kSoFar[] = {"", "Q1", "H1", "9M", "FY"};
        return y ? fmt::format("{} {}", kSoFar[n], y) : kSoFar[n];
      }
      std::string_view months = !m.Group(x, "m").empty() ? m.Group(x, "m") : m.Group(x, "mm");  // ("six-month")
      char mo = months.empty() ? 0 : static_cast<char>(std::tolower(static_cast<unsigned char>(months[0])));
      // (a six-month figure on a fourth quarter's call is the second half's)
      std::string p = mo == 's' && !m.Group(x, "mm").empty() && cq == 4 ? "H2"
                      : !m.Group(x, "h").empty() || mo == 's'           ? "H1"
                      : mo == 'n'                                       ? "9M"
                      : mo == 't'                                       ? "Q1"
                                                                        : "YTD";
      return y ? fmt::format("{} {}", p, y) : p;
    }
    if (rel == "h2") {  // "the second half of 2024": H2 2024
      int y = Year(ys, cy);
      return y ? fmt::format("H2 {}", y) : "H2";
    }
    if (rel == "prev_q" || (rel == "prev_y" && !q)) return Relative(call, rel);
    if (rel == "prev_y") return cy ? Quarter(q, cy - 1) : "";
    if (rel == "same_q") return call.fiscal_quarter ? Quarter(call.fiscal_quarter, Year(ys, cy - 1)) : "";
    if (rel == "fy") {
      int y = Year(ys, ahead ? cy + 1 : cy);
      return y ? fmt::format("FY {}", y) : "";
    }
    bool behind = past && rel.empty() && ys.empty() && cy && cq && q > cq;
    return q ? Quarter(q, Year(ys, ahead ? cy + 1 : behind ? cy - 1 : cy)) : "";
  }

  // The comparison kind for a change or earlier level at [b, e): a cue or comparative period after
  // it (up to the next quantity), else the nearest before it.
  void CompareKind(const SentenceContext& ctx, const State& st, uint32_t b, uint32_t e, uint32_t next, Comparison* c) const {
    const Call& call = ctx.analysis.call;
    auto classify = [&](const Mention& x) -> bool {
      if (x.in->kind == Kind::kYoy) return c->kind = "yoy", true;
      if (x.in->kind == Kind::kQoq) return c->kind = "qoq", true;
      if (x.in->kind != Kind::kPeriod || !x.comparative || x.cause) return false;
      std::string prev_q = Relative(call, "prev_q"), prev_y = Relative(call, "prev_y");
      bool fy_before = call.fiscal_year && x.text == fmt::format("FY {}", call.fiscal_year - 1);
      c->kind = x.text == prev_q ? "qoq" : x.text == prev_y || fy_before ? "yoy" : "vs_prior";
      // The end of last year is a point, not a year: "61 days at the end of 2024" in a first
      // quarter is the quarter before's level, in a fourth a year ago's, else an earlier date's.
      static const RE2 kEndOf(R"((?i)\bend\s+of\b)");
      const uint32_t from = x.b > 24 ? x.b - 24 : 0;
      if (fy_before && call.fiscal_quarter != 4 &&
          RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, x.e - from), kEndOf)) {
        if (call.fiscal_quarter == 1) c->kind = "qoq", c->period = prev_q;
        else c->kind = "vs_prior", c->period = x.text;
        return true;
      }
      // (the year before as a bare year is the same period a year earlier: "grew 35% to $0.77
      // compared to $0.57 in 2019" in a 2020 second quarter is against the 2019 second quarter)
      if (x.in->attr != "prev_q" && x.in->attr != "prev_y" && !fy_before) c->period = x.text;
      return true;
    };
    // (not past the clause: "Europe up around 12%, and roughly flat quarter on quarter" leaves
    // the 12% to the cue before it)
    static const RE2 kClause(R"((,\s+(?:and|but|while|whereas)\s|;))");
    re2::StringPiece rest(ctx.text.data() + e, next > e ? next - e : 0), cut;
    if (RE2::PartialMatch(rest, kClause, &cut)) next = static_cast<uint32_t>(cut.data() - ctx.text.data());
    for (const Mention& x : st.ms)
      if (x.b >= e && x.b < next && classify(x)) return;
    for (auto it = st.ms.rbegin(); it != st.ms.rend(); ++it)
      if (it->e <= b && classify(*it)) return;
    c->kind = "vs_prior";
  }

  // Can a metric of this lexicon class take a level in `unit`? Returns the unit to write, or "".
  static std::string Fits(const Lexicon::Entry& metric, const std::string& unit, bool share_of) {
    std::string cls = metric.Attr("class");
    auto has = [&](const char* c) {
      size_t p = cls.find(c);
      return p != std::string::npos && (p + std::strlen(c) == cls.size() || cls[p + std::strlen(c)] == ',');
    };
    bool per_share = unit.size() > 6 && unit.ends_with("/share");
    if (has("per_share") && (per_share || !has("money"))) return IsCurrency(unit) ? unit + "/share" : per_share ? unit : "";
    if (has("money") && (IsCurrency(unit) || (unit == "%" && share_of))) return unit;
    if (has("pct") && unit == "%") return unit;
    if (has("days") && (unit == "days" || unit == "number")) return "days";
    if (has("count") && (unit == "count" || unit == "number")) return "count";
    if (has("shares") && unit == "shares") return unit;
    if (has("ratio") && (unit == "number" || unit == "x")) return unit;
    return "";
  }

  void Attach(const SentenceContext& ctx, const Matches& m, const State& st, Tags* out) const {
    std::string_view s = ctx.text;
    const uint32_t base = ctx.sentence.begin;
    Metric* rec = nullptr;     // the record comparisons attach to
    uint32_t rec_end = 0;      // where the text that introduced it ends
    uint32_t after_end = 0;    // the end of the last segment named right after its number
    enum Role { kLevel, kChange, kFrom };
    const size_t nq = ctx.quantities.size();
    // Roles first: the nearest cue between the previous quantity and this one, else an ellipsis
    // ("down 26% sequentially, and 46% year-over-year"); "increased to 9.5%" is a level.
    auto& roles = const_cast<State&>(st).roles;
    auto& used = const_cast<State&>(st).used;
    used.clear();
    roles.assign(nq, {static_cast<int>(kLevel), 1});
    // "grew 5% for the Americas, 9% for EMEA and decreased 2% for APJC": a region right after
    // each number is that number's, and a list of them continues the first number's change
    auto& region_after = const_cast<State&>(st).region_after;
    region_after.resize(nq);
    for (size_t i = 0; i < nq; ++i) region_after[i] = RegionAfter(ctx, st, ctx.quantities[i].end - base);
    auto region_list = [&](size_t i) {
      const Mention *prev = i ? region_after[i - 1] : nullptr, *cur = region_after[i];
      uint32_t qb = ctx.quantities[i].start - base;
      return prev && cur && prev->e <= qb && s.substr(prev->e, qb - prev->e).find_first_not_of(", ") == std::string_view::npos;
    };
    // "trimming its core non-interest expense base by about 900 million": a verb of change, its
    // object and "by" reach further than a cue alone (to an amount: not "by 1 turn")
    static const RE2 kVerbObjectBy(
        R"(^\s+(?:its|our|their|the)\s+[^,;]*?\bby\s+(?:(?:over|about|approximately|nearly|almost|roughly|around|some|more\s+than)\s+)?$)");
    for (size_t i = 0, prev_end = 0; i < nq; ++i) {
      uint32_t qb = ctx.quantities[i].start - base;
      const Mention* cue = nullptr;
      for (const Mention& x : st.ms)
        if ((x.in->kind == Kind::kChange || x.in->kind == Kind::kFrom) && x.in->attr != "1" && x.e <= qb &&
            x.b >= prev_end && (!cue || x.e > cue->e) && !InMetric(st, x) &&
            (qb - x.e <= 40 || (qb - x.e <= 72 && x.in->kind == Kind::kChange &&
                                (ctx.quantities[i].unit != "number" || Scaled(s.substr(qb, ctx.quantities[i].end - base - qb))) &&
                                RE2::FullMatch(re2::StringPiece(s.data() + x.e, qb - x.e), kVerbObjectBy))))
          cue = &x;
      // (not one a clause with a subject of its own comes between: "we have grown, and net income
      // was $21 million")
      if (cue && cue->in->kind == Kind::kChange) {
        static const RE2 kOwnClause(R"(,\s+(?:and|but|while)\s+(?:our\s+|the\s+)?[\w\s&-]*?\b(?:was|were|is|are)\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+)?$)");
        if (RE2::PartialMatch(re2::StringPiece(s.data() + cue->e, qb - cue->e), kOwnClause)) cue = nullptr;
      }
      // a cue right after the number: "0.6 billion lower versus the first quarter"
      const uint32_t qe = ctx.quantities[i].end - base;
      if (!cue)
        for (const Mention& x : st.ms)
          if (x.in->kind == Kind::kChange && x.in->attr == "1" && x.b >= qe && x.b - qe <= 2) cue = &x;
      // "4.1% and 6.3% year-on-year increases, respectively": a plural noun of change after a
      // pair of numbers speaks for both
      if (!cue) cue = PluralChangeAfter(ctx, st, i);
      // "increased to 9.5%", "fell 12% from the prior year to $1.41": a number after "to" is a level
      if (cue && cue->e <= qb) {
        static const RE2 kTo(R"(\bto\b)");
        static const RE2 kToRight(R"((?i)\bto\s+(?:over\s+|about\s+|approximately\s+|nearly\s+|almost\s+|roughly\s+)?$)");
        std::string_view gap = s.substr(cue->e, qb - cue->e);
        if (RE2::PartialMatch(re2::StringPiece(gap.data(), gap.size()), cue->in->kind == Kind::kChange ? kTo : kToRight))
          cue = nullptr;
      }
      // "growing our subscription revenue, with 44% of total revenue ...": a share said a
      // clause after the cue is a level, and so is one said "at" ("to rise and be at about the
      // low-20s percent range of sales")
      static const RE2 kAtShare(R"(\bat\b)");
      if (cue && cue->in->kind == Kind::kChange && ctx.quantities[i].unit == "%" &&
          (s.substr(cue->e, qb - cue->e).find(',') != std::string_view::npos ||
           (cue->e <= qb && RE2::PartialMatch(re2::StringPiece(s.data() + cue->e, qb - cue->e), kAtShare))) &&
          std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
            return x.in->kind == Kind::kShareOf && x.b >= qe && x.b - qe <= 2;
          }))
        cue = nullptr;
      // (also after the first change's comparison word: "up 4% year-over-year and 3% sequentially";
      // not a share: "and 30% of it came from services")
      static const RE2 kElliptic(
          R"((?i)^\s*(?:(?:year|quarter)[\s-]*(?:over|on)[\s-]*(?:year|quarter)|sequentially|y/y|q/q|yoy|qoq)?\s*,?\s*(?:and|or)\s+(?:up\s+|down\s+)?$)");
      static const RE2 kShareAfter(R"(^\s+of\b)");
      auto elliptic = [&](uint32_t from) {
        std::string_view gap = s.substr(from, qb - from);
        size_t cut = gap.find_last_of(',');
        std::string_view tail = cut == std::string_view::npos ? gap : gap.substr(cut);
        return i > 0 && roles[i - 1].first != kLevel && RE2::FullMatch(re2::StringPiece(tail.data(), tail.size()), kElliptic) &&
               !RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kShareAfter);
      };
      // "up 4% from the prior quarter and 29% year-over-year", "up 5% from fiscal second quarter and
      // 22% from the prior year": the cue named a period, not this level
      bool carry = false;
      if (cue && cue->in->kind == Kind::kFrom)
        for (const Mention& x : st.ms)
          if (x.in->kind == Kind::kPeriod && x.b >= cue->e && x.e <= qb && x.b - cue->e <= 12 && elliptic(x.e)) {
            cue = nullptr, carry = true;
            break;  // cue is gone: the loop must not read it again
          }
      // "up 6% versus last year, at an operating margin of 17%": the cue named a period; the
      // quantity after it belongs to a metric of its own
      if (cue && cue->in->kind == Kind::kFrom)
        for (const Mention& x : st.ms)
          if (x.in->kind == Kind::kPeriod && x.b >= cue->e && x.b - cue->e <= 5 && x.e <= qb &&
              std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
                std::string_view gap = s.substr(x.e, k.b > x.e ? k.b - x.e : 0);
                return k.in->kind == Kind::kMetric && k.b >= x.e && k.e <= qb &&
                       (gap.find(',') != std::string_view::npos || gap.starts_with(" for "));
              })) {
            cue = nullptr;
            break;  // as above
          }
      // "against our 6% sequential revenue growth": a growth rate that names its own metric
      if (cue && cue->in->kind == Kind::kFrom && ctx.quantities[i].unit == "%" && MetricGrowthAfter(st, s, qe)) cue = nullptr;
      if (cue) {
        roles[i] = {cue->in->kind == Kind::kChange ? kChange : kFrom, cue->in->sign};
      } else if (ctx.quantities[i].unit != "number" && MetricGrowthAfter(st, s, qe)) {
        roles[i] = {kChange, 1};  // "20% revenue growth"
      } else if (carry || elliptic(prev_end) || region_list(i)) {
        roles[i] = roles[i - 1];
      } else if (i > 0 && YearAgoAfter(ctx, st, ctx.quantities[i].end - base)) {
        roles[i] = {kFrom, 1};  // "$0.52 a share, more than double the $0.23 a share a year ago"
      }
      prev_end = ctx.quantities[i].end - base;
    }
    auto& forced = const_cast<State&>(st).forced;
    Respectively(ctx, st, &forced, &const_cast<State&>(st).slot);
    std::vector<std::pair<const Mention*, size_t>> made;  // the record each metric mention opened
    bool blocked_prev = false;  // the quantity before was blocked
    for (size_t i = 0; i < nq; ++i) {
      const Quantity& q = ctx.quantities[i];
      if (q.unit == "fraction") continue;
      uint32_t qb = q.start - base, qe = q.end - base;
      // "$0.97 and $0.96 per share": the per-share words of a pair's second amount are the first's too
      std::string unit_q = q.unit;
      if (unit_q == "number" && std::fabs(q.value) >= 1e6 && Scaled(s.substr(qb, qe - qb)))
        if (std::string cur = st.Currency(); !cur.empty()) unit_q = cur;  // "9.8 billion" in a US dollar call
      if (i + 1 < nq && IsCurrency(q.unit) && ctx.quantities[i + 1].unit == q.unit + "/share" && std::fabs(q.value) < 1000 &&
          s.substr(qe, ctx.quantities[i + 1].start - q.end) == " and ")
        unit_q += "/share";
      // A change's comparison words may follow the earlier level it names ("up 77% from the $0.15
      // reported in the 2007 third quarter"): its window runs to the next change or level.
      // So may those of the same change said again in another unit ("up $60 million or 5%
      // year-over-year"), or of a pair's ("4.1% and 6.3% year-on-year increases").
      static const RE2 kOrGap(R"((?i)^\s*,?\s*or\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+|almost\s+)?$)");
      size_t j = i + 1;
      while (j < nq && roles[i].first == kChange &&
             (roles[j].first == kFrom || (j == i + 1 && PluralChangeAfter(ctx, st, i)) ||
              (j == i + 1 && roles[j].first == kChange && ctx.quantities[j].unit != q.unit &&
               RE2::FullMatch(re2::StringPiece(s.data() + qe, ctx.quantities[j].start - q.end), kOrGap))))
        ++j;
      uint32_t next = j < nq ? ctx.quantities[j].start - base : static_cast<uint32_t>(s.size());
      // (and so is one joined to a blocked one by "and": "outlook range for EBITDA of $80 million and 27% of revenue")
      const bool joined = i > 0 && blocked_prev && AndBetween(ctx, i - 1);
      blocked_prev = false;
      if (joined || Blocked(st, s, i == 0 ? 0 : ctx.quantities[i - 1].end - base, qb, qe, q.unit)) {
        blocked_prev = true;
        // "Trailing 12 month free cash flow was $1.84 billion, compared with $1.79 billion": the
        // blocked value used up the metric named before it, so what follows is not that metric's either
        // (the value said right after the metric, no comma between: not "revenue, which is now 86% of")
        if (std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
              return x.in->kind == Kind::kMetric && x.b >= rec_end && x.e <= qb && qb - x.e <= 16 &&
                     s.substr(x.e, qb - x.e).find(',') == std::string_view::npos;
            }))
          rec_end = qe;
        // so is a metric said inside it ("68,000 employees volunteered 1.5 million hours")
        for (const Mention& x : st.ms)
          if (x.in->kind == Kind::kMetric && x.b >= qb && x.e <= qe) used.push_back(&x);
        continue;
      }
      Role role = static_cast<Role>(roles[i].first);
      int sign = roles[i].second;
      // Metric and segment mentions since the current record began.
      const Mention* seg_between = nullptr;
      const Mention* metric_between = nullptr;
      for (const Mention& x : st.ms) {
        if (x.b < rec_end || x.e > qb) continue;
        // not a name inside "23% of total advertising revenues": what the share is of
        if (x.in->kind == Kind::kSegment && x.b >= after_end && !InShareOf(st, x) && !Deferred(s, x.name_at)) seg_between = &x;
        if (x.in->kind == Kind::kMetric && !InShareOf(st, x)) metric_between = &x;
      }
      if (const Mention* after = region_after[i]) seg_between = after, after_end = after->e;
      bool share_of = false;
      const Mention* share_mention = nullptr;
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kShareOf && x.b >= qe && x.b - qe <= 2 && q.unit == "%") share_of = true, share_mention = &x;

      if (role != kLevel) {
        // "from 1 technology node to the next": a count of things, not an earlier figure
        static const RE2 kThings(R"(^\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*\s+(?:to|into)\b)");
        if (role == kFrom && q.unit == "number" && !Scaled(s.substr(qb, qe - qb)) &&
            RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kThings))
          continue;
        // "accounting for 58% of Northern Region revenues, up from 55%": the earlier figure of a share
        // said before it that made no record, not of the metric it is a share of
        if (role == kFrom && q.unit == "%" && i > 0 && roles[i - 1].first == kLevel && ctx.quantities[i - 1].unit == "%") {
          static const RE2 kOfSales(R"(^\s+of\s+(?:[\w&.-]+\s+){0,4}?(?i:revenues?|sales)\b)");
          const uint32_t pe = ctx.quantities[i - 1].end - base;
          const bool share = RE2::PartialMatch(re2::StringPiece(s.data() + pe, s.size() - pe), kOfSales);
          if (share && !LastOfSentence(ctx, out, [&](Metric& r) { return r.end == ctx.quantities[i - 1].end; })) continue;
        }
        Comparison c;
        c.type = role == kChange ? "change" : "from";
        // "compared with a loss of $127 million": an earlier figure in its own sign
        c.value = role == kChange ? sign * std::fabs(q.value) : LossBefore(Before(s, qb)) ? -std::fabs(q.value) : q.value;
        if (!std::isnan(q.low) && q.low != q.high) {  // "to grow 5% to 7%": the range, in the value's sign
          bool flip = (c.value < 0) != (q.value < 0);
          // (one across zero or from it is as said: "growth of -2% to +1%", "flat to down 3%")
          if (role == kChange && q.low <= 0 && q.high >= 0) flip = sign < 0, c.value = flip ? -q.value : q.value;
          c.low = flip ? -q.high : q.low, c.high = flip ? -q.low : q.high;
        }
        c.unit = unit_q;
        const bool guessed = unit_q != q.unit && q.unit == "number";  // the call's currency, not said
        CompareKind(ctx, st, qb, qe, next, &c);
        // "Over the past four years, we have added $9 billion of annual revenue": a change against
        // the year that many years back, like "since 2014"
        if (role == kChange && c.kind == "vs_prior" && c.period.empty() && ctx.analysis.call.fiscal_year) {
          static const RE2 kYearsBack(R"((?i)\b(?:over|in|during|across)\s+the\s+(?:last|past)\s+(\w+)\s+years\b)");
          std::string n;
          if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kYearsBack, &n)) {
            const Lexicon::Entry* w = numwords_ ? numwords_->Find(n) : nullptr;
            const int back = w ? std::atoi(w->Attr("value").c_str()) : std::atoi(n.c_str());
            if (back >= 2 && back <= 20) c.period = fmt::format("FY {}", ctx.analysis.call.fiscal_year - back);
          }
        }
        if (!forced[i] && st.slot[i].second > 0 && role == kChange) {
          // "$7 billion or $1.20 per share, up 11% and 13%, respectively":
          // the n-th change to the n-th of as many records as this sentence made
          std::vector<Metric*> recs;
          LastOfSentence(ctx, out, [&](Metric& r) {  // every one, last first
            if (r.start < q.start) recs.push_back(&r);
            return false;
          });
          std::reverse(recs.begin(), recs.end());
          if (recs.size() == static_cast<size_t>(st.slot[i].second)) {
            Metric& to = *recs[st.slot[i].first];
            InUnitOf(&c, to.unit, guessed);
            to.comparisons.push_back(std::move(c));
            rec = &to, rec_end = qe;
            continue;
          }
        }
        if (forced[i]) {  // "... down 2% and 5%, respectively"
          auto it = std::find_if(made.begin(), made.end(), [&](const auto& p) { return p.first == forced[i]; });
          if (it != made.end()) {
            Metric& to = out->metrics[it->second];
            InUnitOf(&c, to.unit, guessed);
            to.comparisons.push_back(std::move(c));
            rec = &to, rec_end = qe;
            continue;
          }
          metric_between = forced[i], seg_between = nullptr;
        }
        // "a 15% increase in revenue and a $5 million decrease in R&D": a noun of change right after
        // the number names its metric after it
        const Mention* noun = role == kChange && !forced[i] ? NounAfter(st, qe) : nullptr;
        const Mention* named = noun ? NamedAfter(st, s, *noun) : role == kChange && !forced[i] ? MetricGrowthAfter(st, s, qe) : nullptr;
        // "... mainly driven by a 90 basis point increase and ...": a driver of no metric named
        // (or the second of such a list: "driven by 20% growth in X and 9% growth in Y")
        static const RE2 kDriver(
            R"((?i)\b(?:driven\s+by|due\s+to|because\s+of|reflecting|helped\s+by)\s+(?:an?\s+|the\s+)?(?:[^,;.]{1,80}?\s+and\s+(?:an?\s+)?)?$)");
        if (noun && !named && RE2::PartialMatch(re2::StringPiece(s.data(), qb), kDriver)) continue;
        // "a 30 basis point gain in yields": the change of a thing named after the noun,
        // not of a metric named before (a period, a currency or a basis named there is no thing:
        // "a 10% increase in the quarter", "in local currency")
        if (noun && !named && OtherThingAfter(s, noun->e)) continue;
        // A new record for this change of the record's metric, of another segment or basis.
        auto again = [&](std::string segment, std::string basis) {
          Metric r = *rec;
          r.value = r.low = r.high = NAN, r.comparisons.clear(), r.share_of.clear();
          r.segment = std::move(segment), r.basis = std::move(basis);
          r.start = q.start, r.end = q.end;
          InUnitOf(&c, r.unit, guessed);
          r.comparisons.push_back(std::move(c));
          out->metrics.push_back(std::move(r));
          rec = &out->metrics.back(), rec_end = qe;
        };
        // A new record for a change or earlier level of the metric named by `mm`.
        auto open = [&](const Mention& mm, const Mention* seg) {
          Metric r = New(ctx, st, mm, qb, qe, next, seg);
          // "compared to a net loss of $236 million last year": an earlier level in the line's sign
          if (role == kFrom && mm.metric->Attr("sign") == "-1") c.value = -std::fabs(c.value);
          std::string u = Fits(*mm.metric, unit_q, false);
          r.unit = u.empty() ? DefaultUnit(*mm.metric) : u;
          // "adjusted SG&A rose 40 bps": an amount's change in points is its share of revenue's
          // (not revenue itself, nor a growth rate's points: "lower revenue growth by 1 point")
          static const RE2 kGrowthAfter(R"((?i)^\s+growth\b)");
          if (IsCurrency(r.unit) && (unit_q == "bp" || unit_q == "pp") && r.metric != "revenue" &&
              !RE2::PartialMatch(re2::StringPiece(s.data() + mm.e, s.size() - mm.e), kGrowthAfter))
            r.unit = "%", r.share_of = "revenue";
          InUnitOf(&c, r.unit, guessed);
          r.start = q.start, r.end = q.end;
          r.comparisons.push_back(std::move(c));
          out->metrics.push_back(std::move(r));
          made.emplace_back(&mm, out->metrics.size() - 1);
          rec = &out->metrics.back();
        };
        if (named && !IsNone(*named->metric)) {
          used.push_back(named);
          // (the same metric again, of the record's segment unless this sentence named that one)
          if (rec && rec->sentence == ctx.index && rec->metric == named->metric->Name() &&
              (rec->segment.empty() || !NamedHere(st, rec->segment))) {
            InUnitOf(&c, rec->unit, guessed);
            rec->comparisons.push_back(std::move(c));
          } else {
            open(*named, nullptr);
          }
          rec_end = std::max<uint32_t>(qe, named->e);
          continue;
        }
        // "Other income was a net gain of $31 million, versus a net loss of $12 million": a loss set
        // against the record's gain, right after "compared with" or "versus", is its earlier figure
        // (not "Revenue was $412 million, compared to a net loss of": the other line's)
        static const RE2 kVersusLoss(R"((?i)^[\s,]*(?:(?:as\s+)?compared\s+(?:with|to)|versus|vs\.?)\s+(?:an?\s+)?$)");
        static const RE2 kGainOf(R"((?i)\bgain\s+of\s+$)");
        const uint32_t rec_b = rec && rec->start >= base ? rec->start - base : 0;
        if (rec && role == kFrom && metric_between && !seg_between && rec->sentence == ctx.index &&
            metric_between->metric->Attr("sign") == "-1" && metric_between->b >= rec_end && rec_b <= qb &&
            RE2::PartialMatch(re2::StringPiece(s.data(), rec_b), kGainOf) &&
            RE2::PartialMatch(re2::StringPiece(s.data() + rec_end, metric_between->b - rec_end), kVersusLoss)) {
          c.value = -std::fabs(c.value);
          InUnitOf(&c, rec->unit, guessed);
          rec->comparisons.push_back(std::move(c));
          used.push_back(metric_between);
          continue;
        }
        // "Net loss was $3 million, compared to a net loss of $5 million": the same line named again
        // for its earlier level goes to this record (a loss's level in its sign). So does a change
        // said as an aside (", down 2%") after the line is named again, when no other period (but
        // the one compared with), basis or segment comes between: "Sales reached 9.4 billion, with
        // top-line momentum firm, down 2% sequentially" (not "organic sales grew 4%", another measure)
        // (or ", an increase of 20%")
        static const RE2 kAside(
            R"(,\s+(?:and\s+)?(?:(?:up|down)\s+(?:by\s+)?|an?\s+(?:increase|decrease|decline|rise|drop)\s+of\s+)(?:about\s+|approximately\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?$)");
        auto named_between = [&] {
          return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
            return ((x.in->kind == Kind::kPeriod && !x.comparative && x.text != rec->period) || x.in->kind == Kind::kBasis) &&
                   x.b >= rec_end && x.e <= qb;
          });
        };
        // (the record's segment; or none, when the record's was not named here but inherited)
        auto same_segment = [&](const std::string& seg) {
          return seg == rec->segment || (seg.empty() && !NamedHere(st, rec->segment));
        };
        if (rec && metric_between && !seg_between && rec->sentence == ctx.index &&
            rec->metric == metric_between->metric->Name() && !IsNone(*metric_between->metric) &&
            (role == kFrom || (role == kChange && (c.unit == "%" || c.unit == rec->unit) &&
                               same_segment(metric_between->text) && !named_between() &&
                               RE2::PartialMatch(re2::StringPiece(s.data(), qb), kAside) &&
                               !OthersGrowth(st, m, s, qb)))) {
          if (role == kFrom && metric_between->metric->Attr("sign") == "-1") c.value = -std::fabs(c.value);
          InUnitOf(&c, rec->unit, guessed);
          rec->comparisons.push_back(std::move(c));
          used.push_back(metric_between);
          continue;
        }
        if (rec && !metric_between && !seg_between && OthersGrowth(st, m, s, qb)) continue;
        // "sales grew 2% as reported, and 4% excluding the costs of exited lines": a change
        // that leaves something out right after its number is the adjusted measure's, a record of its own
        if (const Mention* own = rec && !metric_between && !seg_between && role == kChange ? RightAfter(st, qb, qe) : nullptr;
            own && own->text != rec->basis) {
          again(rec->segment, own->text);
          continue;
        }
        if (rec && !metric_between && !seg_between) {
          // "$9 million or $0.02 a diluted share, compared with $164 million and $0.37": an amount
          // goes to this sentence's record in its own unit, not to the per-share one
          // (and "... or $3.10 per share versus ... or $2.80 per share": a per-share amount
          // goes to the per-share record, not to the amount's)
          Metric* to = rec;
          // "$640 million or 38% of revenues, up 9%": a change in percent is the amount's, not its share's
          if (!rec->share_of.empty() && c.type == "change" && c.unit == "%")
            if (Metric* amount = LastOfSentence(ctx, out, [&](Metric& r) {
                  return &r != rec && r.metric == rec->metric && IsCurrency(r.unit);
                }))
              to = amount;
          if ((rec->unit.ends_with("/share") && IsCurrency(c.unit) && std::fabs(c.value) >= 1e5) ||
              (IsCurrency(rec->unit) && c.unit.ends_with("/share"))) {
            to = LastOfSentence(ctx, out, [&](Metric& r) { return r.unit == c.unit; });
            if (!to) continue;
          }
          // "$4.6 billion or 92 days, up 4 days": a change in days is not the dollar amount's
          if (c.unit == "days" && to->unit != "days") continue;
          InUnitOf(&c, to->unit, guessed);
          to->comparisons.push_back(std::move(c));
          continue;
        }
        const Mention* mm = metric_between ? metric_between : nullptr;
        if (mm && role == kChange && WhichOthers(st, s, qb)) continue;  // "fees on client assets, which grew 24%"
        if (mm && IsNone(*mm->metric)) {  // "with balances up 22%": a change of something else
          rec = nullptr, rec_end = qe;
          continue;
        }
        if (!mm) {
          if (!rec || !seg_between) continue;  // a change of nothing named
          again(InRegion(seg_between->text, rec->segment), rec->basis);  // "the US, also growing at 39%"
        } else {
          // "the tax rate was a benefit of 13% compared to an expense of 19%": an earlier level
          // in a unit the metric cannot hold is not its own (a money line's is money, or a share);
          if (role == kFrom && c.unit == "%" && Fits(*mm->metric, "%", false).empty() &&
              Fits(*mm->metric, "USD", false) == "USD")
            continue;
          // "raised the leverage it allows by 1 turn": nor is a plain number counting a
          // thing named after it
          static const RE2 kCounted(R"(^\s+[a-z][a-z-]*\b)");
          if (c.unit == "number" && !Scaled(s.substr(qb, qe - qb)) && Fits(*mm->metric, "number", false).empty() &&
              RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kCounted))
            continue;
          open(*mm, seg_between);
        }
        rec = &out->metrics.back(), rec_end = qe;
        continue;
      }
      // "between $120 million loss and $40 million loss": the range's second end
      static const RE2 kLossAnd(R"((?i)^\s+(?:net\s+|operating\s+)?loss\s+and\s+$)");
      if (rec && rec->start >= base && rec->end - base <= qb && rec->value < 0 &&
          (std::isnan(rec->low) || rec->low == rec->high) &&
          RE2::FullMatch(re2::StringPiece(s.data() + (rec->end - base), qb - (rec->end - base)), kLossAnd)) {
        // (or "between a $60 million loss and $140 million in profit": from a loss to an income)
        static const RE2 kIncomeAfter(R"((?i)^\s+(?:in\s+)?(?:net\s+|operating\s+)?(?:income|profit)\b)");
        const bool income = RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kIncomeAfter);
        if (LossAfter(s.substr(qe)) || income) {
          const double v = income ? std::fabs(q.value) : -std::fabs(q.value);
          rec->low = std::min(rec->value, v), rec->high = std::max(rec->value, v);
          rec->value = (rec->low + rec->high) / 2, rec->end = q.end;
          continue;
        }
      }
      // A level: which metric? "$18 million of EX switch revenue" looks right; else the nearest before.
      const Mention* mm = forced[i];
      if (!mm && IsCurrency(q.unit)) {
        static const RE2 kRate(R"((?i)^\s+(?:every|per|each|a\s+(?:day|week|month|year))\b)");  // "$3 million cash every day"
        // "$2.1 billion to our stockholders via dividends and buybacks": what was returned, and how
        static const RE2 kToHolders(
            R"((?i)^\s+(?:of\s+cash\s+)?(?:back\s+)?to\s+(?:our\s+)?(?:share|stock)holders\s+(?:back\s+)?(?:through|via|in(?:\s+the\s+form\s+of)?|by\s+way\s+of)\s+(?:(?:share|stock)\s+)?$)");
        // (a byte search first: this runs for every amount, the word is rare)
        const bool holders = s.substr(qe, 48).find("holders") != std::string_view::npos;
        for (const Mention& x : st.ms)
          if (holders && x.in->kind == Kind::kMetric && x.b >= qe && x.b - qe <= 48 &&
              RE2::FullMatch(re2::StringPiece(s.data() + qe, x.b - qe), kToHolders))
            mm = &x;
        for (const Mention& x : st.ms)
          if (!mm && x.in->kind == Kind::kMetric && x.b >= qe && x.b - qe <= 30) {
            std::string_view gap = s.substr(qe, x.b - qe);
            // "... of EX switch revenue"; "a $10 billion buyback" (the noun the amount qualifies);
            // "$2 billion on share repurchases and $1.1 billion on dividends" (not "net income of
            // $2 billion on revenue of", "$3 billion for the repurchase or early payment of
            // notes", "$90 million for Q2 or 31% of revenue")
            static const RE2 kOwnFigure(R"((?i)^\s+(?:of|or|at|was|were)\b|^\s+and\s+[a-z])");
            auto for_on_free = [&](std::string_view g) {
              return g.find_first_of("0123456789") == std::string_view::npos && g.find(" or ") == std::string_view::npos &&
                     !RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kOwnFigure);
            };
            bool for_on = (gap.starts_with(" for ") || gap.starts_with(" on ")) && for_on_free(gap);
            // "we've allocated $700 million to buybacks" (a budget)
            static const RE2 kBudget(R"((?i)\b(?:allocat\w*|earmark\w*|set\s+aside|budget\w*|dedicat\w*)\s+(?:[\w-]+\s+)?(?:\$|US\$)?$)");
            bool to_budget = gap.starts_with(" to ") && for_on_free(gap) &&
                             RE2::PartialMatch(re2::StringPiece(s.data(), qb), kBudget);
            if (((gap.starts_with(" of ") || gap.starts_with(" in ") ||
                  gap.starts_with(" through ") || for_on || to_budget) &&
                 gap.find(',') == std::string_view::npos) ||
                ((gap == " " || gap == "-") && !s.substr(x.b).starts_with("and ") &&
                 !s.substr(x.b).starts_with("or ") &&
                 !RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kRate)))
              mm = &x;
            break;
          }
      }
      bool restated = false;
      {
        std::string_view before = s.substr(0, qb);
        size_t k = before.size();
        while (k > 0 && before[k - 1] != ',' && qb - k < 24) --k;
        restated = k > 0 && before[k - 1] == ',' && before.substr(k).find(" or ") != std::string_view::npos;
      }
      if (!mm) {
        for (const Mention& x : st.ms) {
          if (x.in->kind != Kind::kMetric || &x == share_mention) continue;
          bool inside = x.b >= qb && x.e <= qe;
          if (!inside && (x.e > qb || qb - x.e > 150)) continue;
          if (restated && x.metric->Attr("restate") == "no") continue;
          // (but "a 9% increase in the dividend to $0.48": the level a change named after its
          // number reached fills that change's record, below; so does one said right after the
          // change, "as a percent of revenue fell 120 basis points to 9.4%")
          auto reached = [&] {
            static const RE2 kReached(R"((?i)^\s+to\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?$)");
            if (!rec || !std::isnan(rec->value) || rec->sentence != ctx.index) return false;
            if (rec_end == x.e && x.e <= qb) return RE2::FullMatch(re2::StringPiece(s.data() + x.e, qb - x.e), kReached);
            const uint32_t pe = i > 0 ? ctx.quantities[i - 1].end - base : 0;
            return i > 0 && rec->end == ctx.quantities[i - 1].end && x.metric && x.metric->Name() == rec->metric &&
                   RE2::FullMatch(re2::StringPiece(s.data() + pe, qb - pe), kReached);
          };
          if (!restated && !share_of && std::find(used.begin(), used.end(), &x) != used.end() && !reached()) {
            mm = nullptr;  // "$2 billion in cash, and generating $2 million": one level per mention
            continue;
          }
          if (share_mention && x.b >= share_mention->b && x.e <= share_mention->e) continue;
          if (InShareOf(st, x)) continue;
          mm = &x;  // the last one before wins
        }
        // "net income includes $45 million of costs tied to the merger": a part of the metric, not its
        // level
        static const RE2 kIncludes(
            R"((?i)\b(?:includes?|included)\s+(?:(?:approximately|about|roughly|an?|the)\s+)?$)");
        if (mm && mm->e <= qb && !forced[i] && !share_of &&
            RE2::PartialMatch(re2::StringPiece(s.data() + mm->e, qb - mm->e), kIncludes)) {
          rec = nullptr, rec_end = qe;
          continue;
        }
      }
      // "R&D as a percentage of revenue was 15%": a share said right after the metric's name
      if (mm && !share_of && q.unit == "%" && mm->e <= qb) {
        static const RE2 kAsShare(
            R"((?i)^\s+as\s+an?\s+(?:percent(?:age)?|%|share|portion)\s+of\s+(?:total\s+|net\s+)?(?:revenues?|sales)\b)");
        if (RE2::PartialMatch(re2::StringPiece(s.data() + mm->e, qb - mm->e), kAsShare)) share_of = true;
      }
      if (mm && IsNone(*mm->metric)) {  // "3 million subscribers": not a metric, and not the one before
        used.push_back(mm);
        rec = nullptr, rec_end = qe;
        continue;
      }
      const Lexicon::Entry* metric = mm ? mm->metric : nullptr;
      // "to back a $4 billion buyback": an amount said as the buyback's size is a program's
      if (metric && metric->canonical == "buyback" && mm->b >= qe && mm->b - qe <= 1)
        if (const Lexicon::Entry* program = metrics_->Find("buyback authorization")) metric = program;
      // a per-share amount is EPS when said with earnings ("net income of $9 million or $0.02 per
      // diluted share"), not a price ("we sold some at $697 a share")
      if (unit_q.ends_with("/share") && (!metric || metric->Attr("class").find("per_share") == std::string::npos))
        metric = (metric && metric->Attr("basis", "no") != "no") || s.find("dilut") != std::string_view::npos
                     ? metrics_->Find(metric && metric->Attr("sign") == "-1" ? "loss per share" : "eps")  // "a net loss of $12.5 million, or $0.08 per share"
                     : nullptr;
      if (!metric && share_of && share_mention) {
        const Mention* seg = nullptr;
        for (const Mention& x : st.ms)
          if (x.in->kind == Kind::kSegment && x.e <= qb) seg = &x;
        if (!seg) continue;  // "our only customer to exceed 10% of revenue"
        metric = metrics_->Find("revenue");
      }
      if (!metric) continue;
      // "a range of $8.37 to $8.53 per share, or $8.45 at the midpoint": the range restated
      if (rec && rec->metric == metric->Name() && !std::isnan(rec->low) && rec->low != rec->high &&
          q.value >= rec->low && q.value <= rec->high &&
          MidpointAfter(s.substr(qe)))
        continue;
      // ("Marketing expense as a percent of revenue fell 120 basis points to 9.4%": the
      // share its change's record is of)
      const bool share_rec = rec && std::isnan(rec->value) && rec->sentence == ctx.index && !rec->share_of.empty() &&
                             rec->metric == metric->Name() && unit_q == "%";
      std::string unit = Fits(*metric, unit_q, share_of || share_rec);
      if (unit.empty()) continue;
      // "our quarterly dividend to $0.29": a small amount of a line said both ways, without a scale, is per share
      if (IsCurrency(unit) && std::fabs(q.value) < 50 && metric->Attr("class").find("per_share") != std::string::npos &&
          !Scaled(s.substr(qb, qe - qb)))
        unit += "/share";
      // Fill a record opened by a change or an earlier level: "from $10 million to over $20 million"
      // (not an amount's record with a share: "Product revenues grew 9%, representing 71% of revenue").
      // (nor the same metric named again for another line: "Cloud revenue fell 2% and services
      // revenue was $80 million")
      if (rec && std::isnan(rec->value) && rec->metric == metric->Name() && !seg_between && (!mm || !metric_between || metric_between == mm) &&
          !(share_of && unit == "%" && IsCurrency(rec->unit)) && !(mm && !mm->text.empty() && mm->text != rec->segment)) {
        SetLevel(rec, q, *metric, Before(s, qb), s.substr(qe)), rec->approx = q.approx, rec->unit = unit;
        rec->start = q.start, rec->end = q.end;
        if (const Mention* per = PeriodAfter(ctx, st, qe, next)) rec->period = per->text;  // "... to 22% in 2020"
        for (auto& c : rec->comparisons)
          if (c.unit == "number") c.unit = unit;
        rec_end = qe;
        continue;
      }
      Metric r = mm && mm->metric == metric ? New(ctx, st, *mm, qb, qe, next, seg_between) : New(ctx, st, metric, qb, qe, next, seg_between);
      SetLevel(&r, q, *metric, Before(s, qb), s.substr(qe)), r.approx = q.approx, r.unit = unit;
      // A reference period right before the metric's name is the level's own: said as its name's
      // qualifier ("a bit under our full-year planned tax rate of 19%", the period read as the
      // figure's; not "against last year for a gross margin of 38%"), or as the time "when"
      // ("a gain of three points on the second quarter of last year, when costs were 51.2% of
      // sales", that earlier period)
      static const RE2 kQualifies(R"((?i)^(?:'s)?\s+(?:(?:expected|reported|estimated|projected|planned|guided)\s+)?$)");
      static const RE2 kWhenThen(R"((?i)^\s*,?\s+when\s+(?:our\s+|the\s+|total\s+)*$)");
      for (const Mention& x : st.ms) {
        if (!mm || x.in->kind != Kind::kPeriod || !x.comparative || x.e > mm->b || mm->b - x.e > 24) continue;
        re2::StringPiece gap(s.data() + x.e, mm->b - x.e);
        const std::string& own = x.own.empty() ? x.text : x.own;
        if (!x.in->ref && !own.empty() && mm->e <= qb && qb - mm->e <= 8 && RE2::FullMatch(gap, kQualifies)) r.period = own;
        else if (!x.text.empty() && RE2::FullMatch(gap, kWhenThen)) r.period = x.text;
      }
      if (share_of && metric->Attr("class").find("money") != std::string::npos) r.share_of = "revenue";
      // "operating income in TBU was $57 million or 11% of revenue": the same mention restated
      // in another unit is the same line's
      if (mm && !seg_between)
        for (const auto& [from, k] : made)
          if (from == mm && !out->metrics[k].segment.empty()) r.segment = out->metrics[k].segment;
      r.start = q.start, r.end = q.end;
      out->metrics.push_back(std::move(r));
      rec = &out->metrics.back(), rec_end = qe;
      if (mm) used.push_back(mm), made.emplace_back(mm, out->metrics.size() - 1);
    }
    Flat(ctx, st, out);
    // A sequential change is a quarter's: "Imaging revenue was $0.8 billion, down 6% sequentially"
    // after a paragraph about the fiscal year is the call's quarter, unless the sentence names a period.
    const std::string& fp = ctx.analysis.call.fiscal_period;
    bool own_period = std::any_of(st.ms.begin(), st.ms.end(), [](const Mention& x) { return x.in->kind == Kind::kPeriod && !x.comparative; });
    for (size_t k = out->metrics.size(); !own_period && fp.starts_with("Q") && k-- > 0;) {
      Metric& r = out->metrics[k];
      if (r.sentence != ctx.index || r.turn != ctx.turn.index) break;
      if (r.period.starts_with("FY") && std::any_of(r.comparisons.begin(), r.comparisons.end(), [](const Comparison& c) { return c.kind == "qoq"; }))
        r.period = fp;
    }
  }

  // "Services revenue of $212 million was flat year over year", "came in at $610 million, roughly
  // flat from the second quarter": no number of change, a change of zero, for the level said last
  // before it in the clause (not another metric's: "revenue of $5 billion, with margins flat";
  // not a level that already has a change)
  void Flat(const SentenceContext& ctx, const State& st, Tags* out) const {
    const uint32_t base = ctx.sentence.begin;
    for (const Mention& f : st.ms) {
      if (f.in->kind != Kind::kFlat) continue;
      // "remained flat at 21%": the level said right after it
      static const RE2 kAt(R"((?i)^\s+at\s+(?:about\s+|approximately\s+|roughly\s+)?$)");
      Metric* r = LastOfSentence(ctx, out, [&](const Metric& x) {
        return x.start - base >= f.e && RE2::FullMatch(re2::StringPiece(ctx.text.data() + f.e, x.start - base - f.e), kAt);
      });
      const bool at = r != nullptr;
      if (!r) r = LastOfSentence(ctx, out, [&](const Metric& x) { return x.end - base <= f.b; });
      if (!r || std::isnan(r->value)) continue;
      const uint32_t qe = at ? f.b : r->end - base;
      if (f.b - qe > 60 || ctx.text.substr(qe, f.b - qe).find_first_of(";:") != std::string_view::npos) continue;
      auto between = [&](uint32_t b, uint32_t e) { return b >= qe && e <= f.b; };
      if (std::any_of(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) { return between(q.start - base, q.end - base); }) ||
          std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {  // (its own name may: "$3.5 billion of cash, flat")
            return x.in->kind == Kind::kMetric && between(x.b, x.e) && !(x.metric && x.metric->Name() == r->metric);
          }) ||
          std::any_of(r->comparisons.begin(), r->comparisons.end(), [](const Comparison& c) { return c.type == "change"; }))
        continue;
      const uint32_t from = at ? r->end - base : f.e;  // "flat at 41.5% sequentially": the cue after the level
      auto next = std::find_if(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) { return q.start - base >= from; });
      Comparison c;
      c.type = "change", c.value = 0, c.unit = r->unit == "%" ? "pp" : "%";
      CompareKind(ctx, st, f.b, from, next == ctx.quantities.end() ? static_cast<uint32_t>(ctx.text.size()) : next->start - base, &c);
      r->comparisons.push_back(std::move(c));
    }
  }

  // "weakness in Benelux, which was down 7%": the change of the name before "which" (the
  // vocabulary's metric names excepted: "revenue, which grew 8%")
  static bool WhichOthers(const State& st, std::string_view s, uint32_t qb) {
    // "driven by Vista 365, which grew 24%"
    static const RE2 kWhich(
        R"(([A-Z][\w/&.-]*(?:\s+\d+)?),\s+which\s+(?:(?:was|were|is|are)\s+(?:also\s+)?(?:up|down)|(?:also\s+)?(?:grew|rose|increased|declined|decreased|fell)(?:\s+by)?)\s+(?:about\s+|approximately\s+|roughly\s+|around\s+)?$)");
    // "on momentum in client assets, which grew 24%": a plural thing the vocabulary does not name
    static const RE2 kWhichThings(
        R"(\b([a-z][\w-]*[a-z]s),\s+which\s+(?:were\s+(?:also\s+)?(?:up|down)|(?:also\s+)?(?:grew|rose|increased|declined|decreased|fell)(?:\s+by)?)\s+(?:about\s+|approximately\s+|roughly\s+|around\s+)?$)");
    static const std::set<std::string, std::less<>> kUnits = {"millions", "billions", "points", "bps", "shares", "days", "dollars", "cents", "percents"};
    re2::StringPiece name;
    if (RE2::PartialMatch(re2::StringPiece(s.data(), qb), kWhich, &name) ||
        (RE2::PartialMatch(re2::StringPiece(s.data(), qb), kWhichThings, &name) &&
         !kUnits.count(std::string_view(name.data(), name.size())))) {
      uint32_t ne = static_cast<uint32_t>(name.data() + name.size() - s.data());
      return name.data() != s.data() && !std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
        return k.in->kind == Kind::kMetric && k.e == ne;
      });
    }
    return false;
  }

  // "..., highlighted by loyalty program growth of 31%"; "..., with softness in Australia/New
  // Zealand, which was down 4%": the change of something the metrics vocabulary does not name,
  // which is not the record's.
  static bool OthersGrowth(const State& st, const Matches& m, std::string_view s, uint32_t qb) {
    static const std::set<std::string, std::less<>> kPlain = {
        "strong", "solid", "good", "healthy", "continued", "robust", "organic", "overall", "total", "our",
        "the", "its", "their", "of", "with", "and", "double-digit", "single-digit", "underlying", "reported",
        "sequential", "annual", "year-over-year", "year-on-year", "quarterly", "further", "more", "record", "a",
        "represents", "represent", "reflects", "implies", "shows", "means", "marks", "drives", "continues",
        "high", "low", "mid", "modest", "slight", "slower", "faster", "higher", "lower", "positive", "negative",
        "for", "to", "at", "in", "by", "on", "this", "that", "which", "expect", "see", "saw", "any", "some", "an"};
    if (WhichOthers(st, s, qb)) return true;
    // "revenue was up 2% and originations were up 42%": a second subject the vocabulary does not
    // name (not "and it was up", "and the total was up")
    static const RE2 kAndSubject(
        R"(\b(?:and|while)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:was|were)\s+(?:also\s+)?(?:up|down)\s+(?:about\s+|approximately\s+|roughly\s+|around\s+|nearly\s+|over\s+)?$)");
    re2::StringPiece subject;
    if (RE2::PartialMatch(re2::StringPiece(s.data(), qb), kAndSubject, &subject)) {
      static const std::set<std::string, std::less<>> kBack = {"it", "this", "that", "they", "which", "these", "those",
                                                              "the", "total", "overall", "both", "all"};
      std::string_view first(subject.data(), std::min<size_t>(subject.size(), subject.find(' ')));
      return !kBack.count(first);
    }
    const Mention* cue = nullptr;
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kChange && x.in->attr != "1" && x.e <= qb && qb - x.e <= 12) cue = &x;
    // a noun of change (the rule's group `noun`): "volume growth of 5%", "yield improvement of 10%"
    if (!cue || cue->b < 2 || m.Group(*cue->m, "noun").empty()) return false;
    size_t e = cue->b - 1, b = e;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != ',') --b;
    std::string w(s.substr(b, e - b));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.empty() || !std::isalpha(static_cast<unsigned char>(w[0])) || kPlain.count(w) || w.ends_with("ing") ||
        w.ends_with("ed"))  // "representing growth of 7% to 11%", "delivered growth of 9%"
      return false;
    return !std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) { return k.in->kind == Kind::kMetric && k.e >= e && k.b <= b; });
  }

  static bool Scaled(std::string_view t) {
    static const RE2 kScale(R"((?i)\d\s*(?:million|billion|trillion|bn|mn)\b)");
    return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), kScale);
  }

  static bool IsNone(const Lexicon::Entry& metric) { return metric.Attr("class") == "none"; }

  // "Core FFO and AFFO were $1.12 and $1.08 per share, up 4.1% and 6.3%, respectively": the n-th
  // quantity of a list said before "respectively" goes to the n-th of the metrics named last before it.
  // With fewer metrics named than quantities listed, `slot` keeps each one's place in the list, for
  // the records the sentence made before it.
  void Respectively(const SentenceContext& ctx, const State& st, std::vector<const Mention*>* forced,
                    std::vector<std::pair<int, int>>* slot) const {
    const size_t nq = ctx.quantities.size();
    forced->assign(nq, nullptr);
    slot->assign(nq, {0, 0});
    std::string_view s = ctx.text;
    const uint32_t base = ctx.sentence.begin;
    size_t resp = s.find("respectively");
    if (resp == std::string_view::npos) return;
    static const RE2 kListGap(R"(^\s*,?\s*(?:and\s+)?$)");
    for (size_t i = 0; i < nq;) {
      size_t j = i + 1;
      auto gap = [&](size_t k) {
        std::string_view g = s.substr(ctx.quantities[k - 1].end - base, ctx.quantities[k].start - ctx.quantities[k - 1].end);
        return RE2::FullMatch(re2::StringPiece(g.data(), g.size()), kListGap);
      };
      while (j < nq && ctx.quantities[j].end - base <= resp && gap(j)) ++j;
      size_t k = j - i, last_end = ctx.quantities[j - 1].end - base;
      if (k >= 2 && last_end <= resp && resp - last_end <= 80) {
        std::vector<const Mention*> named;
        for (const Mention& x : st.ms)
          if (x.in->kind == Kind::kMetric && x.e <= ctx.quantities[i].start - base && !InShareOf(st, x) && !IsNone(*x.metric))
            named.push_back(&x);
        if (named.size() >= k)
          for (size_t n = 0; n < k; ++n) (*forced)[i + n] = named[named.size() - k + n];
        else
          for (size_t n = 0; n < k; ++n) (*slot)[i + n] = {static_cast<int>(n), static_cast<int>(k)};
      }
      i = j;
    }
  }

  // The last record this sentence made that `pred` accepts (they sit at the end of `out`).
  template <typename Pred>
  static Metric* LastOfSentence(const SentenceContext& ctx, Tags* out, Pred pred) {
    for (size_t k = out->metrics.size(); k-- > 0 && out->metrics[k].sentence == ctx.index && out->metrics[k].turn == ctx.turn.index;)
      if (pred(out->metrics[k])) return &out->metrics[k];
    return nullptr;
  }

  // A basis said right after the figure [qb, qe) (after=1, its match holding the number's end):
  // "widened gross margin to 31.2% excluding the plant closure costs".
  static const Mention* RightAfter(const State& st, uint32_t qb, uint32_t qe) {
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kBasis && x.in->right_after && x.b >= qb && x.b < qe && x.e > qe) return &x;
    return nullptr;
  }

  // The metric named between the number and a noun of change: "20% revenue growth", "15% EPS increase".
  static const Mention* MetricGrowthAfter(const State& st, std::string_view s, uint32_t qe) {
    // (or with a word of when between: "8% sequential revenue growth"; or "segment": "20%
    // segment operating profit growth")
    static const RE2 kGrowth(R"((?i)^\s+(?:growth|increase)\b)");
    static const RE2 kWhen(R"((?i)^\s+(?:sequential|year-over-year|year-on-year|segment)\s+$)");
    // (not across a clause's break: "revenue was $5 billion; spending growth of 3% helped")
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kMetric && x.b >= qe && s.substr(qe, x.b - qe).find_first_of(",;:") == std::string_view::npos &&
          (x.b - qe <= 2 || (x.b - qe <= 20 && RE2::FullMatch(re2::StringPiece(s.data() + qe, x.b - qe), kWhen))) &&
          RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kGrowth))
        return &x;
    return nullptr;
  }

  // A noun of change right after the number: "a 15% increase" (a rule with named=after).
  static const Mention* NounAfter(const State& st, uint32_t qe) {
    for (const Mention& k : st.ms)
      if (k.in->kind == Kind::kChange && k.b >= qe && k.b - qe <= 2 && k.in->named_after) return &k;
    return nullptr;
  }

  // A thing named right after a noun of change at `e` ("in yields") that is no period, currency or
  // basis.
  static bool OtherThingAfter(std::string_view s, uint32_t e) {
    static const RE2 kInThing(
        R"((?i)^\s+(?:in|of)\s+(?:our\s+|the\s+|its\s+|their\s+)?([a-z][a-z-]*)\b)");
    static const std::set<std::string, std::less<>> kNotThings = {
        "quarter",  "quarters", "year",          "years",      "period",   "month",    "months",
        "half",     "first",    "second",        "third",      "fourth",   "fiscal",   "full",
        "last",     "prior",    "previous",      "same",       "current",  "next",     "local",
        "constant", "reported", "total",         "dollar",     "dollars",  "absolute", "real",
        "nominal",  "organic",  "comparable",    "aggregate",  "terms",    "line",     "both",
        "each",     "all",      "approximately", "about",      "roughly",  "over",     "q",
        "h",        "fy",       "sequential",    "underlying", "adjusted", "net",      "gross",
        "operating"};
    re2::StringPiece word;
    if (!RE2::PartialMatch(re2::StringPiece(s.data() + e, s.size() - e), kInThing, &word))
      return false;
    std::string w(word.data(), word.size());
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return !kNotThings.count(w);
  }

  // The metric named right after such a noun: "a 15% increase in revenue" (not "in revenue per
  // shipment", a measure of its own).
  static const Mention* NamedAfter(const State& st, std::string_view s, const Mention& noun) {
    static const RE2 kIn(R"((?i)^\s+(?:in|of|to)\s+(?:the\s+|our\s+|total\s+)?(?:quarterly\s+|annual\s+)?$)"), kPer(R"((?i)^\s+per\b)");
    for (const Mention& x : st.ms) {
      if (x.in->kind != Kind::kMetric) continue;
      if (x.b >= noun.e && x.b - noun.e <= 26 && RE2::FullMatch(re2::StringPiece(s.data() + noun.e, x.b - noun.e), kIn))
        return RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kPer) ? nullptr : &x;
    }
    return nullptr;
  }

  // A sentence break a speech-to-text transcript lost between `from` and `to`: a period after a
  // word, then a lower-case word ("on a richer services mix. operating income rose 8%"), not
  // after an abbreviation ("up 5% vs. last year").
  static bool LostBreak(std::string_view s, uint32_t from, uint32_t to) {
    static const RE2 kBreak(R"(\b([a-z]{2,})\.\s+[a-z])");
    static const std::set<std::string, std::less<>> kAbbrev = {"vs", "approx", "incl", "excl", "est", "etc", "ex",
                                                               "no", "mm", "bn", "yr", "yrs", "qtr", "avg", "cf", "al"};
    re2::StringPiece rest(s.data() + from, to > from ? to - from : 0), word;
    while (RE2::FindAndConsume(&rest, kBreak, &word))
      if (!kAbbrev.count(std::string_view(word.data(), word.size()))) return true;
    return false;
  }

  // Quantities i and i + 1 joined by "and" alone: "$80 million and 27% of revenue".
  static bool AndBetween(const SentenceContext& ctx, size_t i) {
    if (i + 1 >= ctx.quantities.size()) return false;
    static const RE2 kAnd(R"(^\s*,?\s*and\s+$)");
    const uint32_t from = ctx.quantities[i].end, to = ctx.quantities[i + 1].start;
    return RE2::FullMatch(re2::StringPiece(ctx.text.data() + (from - ctx.sentence.begin), to - from), kAnd);
  }

  // "4.1% and 6.3% year-on-year increases": the plural noun of change after the pair that
  // quantity i opens, else nullptr.
  static const Mention* PluralChangeAfter(const SentenceContext& ctx, const State& st, size_t i) {
    if (!AndBetween(ctx, i)) return nullptr;
    const uint32_t ne = ctx.quantities[i + 1].end - ctx.sentence.begin;
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kChange && x.in->attr == "1" && x.b >= ne && x.b - ne <= 2 && ctx.text[x.e - 1] == 's') return &x;
    return nullptr;
  }

  // A cue that the number is not the metric itself: "unfavorable impact", "credit capacity".
  static bool Blocked(const State& st, std::string_view s, uint32_t prev_end, uint32_t qb, uint32_t qe,
                      const std::string& unit) {
    return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
      if (k.in->kind != Kind::kBlock || (!k.in->unit.empty() && k.in->unit != unit)) return false;
      if (k.in->attr == "sentence") return true;
      if (k.in->attr == "next")  // not inside the quantity: "$1.74, plus or minus $0.08" is one range
        return k.b >= prev_end && k.b < qe && (k.e >= qb || qb - k.e <= 12) && !(k.b >= qb && k.e <= qe);
      const bool before = k.b >= prev_end && k.e <= qb && qb - k.e <= 40;  // since the previous quantity
      if (k.in->attr == "1") return k.b >= qe && k.b - qe <= 2;
      if (k.in->attr == "before") return before;
      if (k.in->attr == "adjacent") return k.e <= qb && qb - k.e <= 2;
      if (k.in->attr == "words") return k.b >= qe && (k.b - qe <= 2 || WordsBetween(st, s, qe, k));
      // after it, unless a clause of cause comes between: "down $210 million, or 3%, driven by the impact of"
      static const RE2 kCause(R"((?i),\s*(?:driven\s+by|due\s+to|reflecting|because\s+of)\b)");
      return before || (k.b >= qe && k.b - qe <= 20 && !RE2::PartialMatch(re2::StringPiece(s.data() + qe, k.b - qe), kCause));
    });
  }

  // One or two words, none of them a metric's, between a number and what follows them: "$96
  // million mark-to-market gain", "$300 million in impairment charges".
  static bool WordsBetween(const State& st, std::string_view s, uint32_t qe, const Mention& k) {
    static const RE2 kWords(R"(^\s+(?:[A-Za-z-]+\s+){1,2}$)");
    std::string_view gap = s.substr(qe, k.b - qe);
    return gap.size() <= 30 && RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kWords) &&
           std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) { return x.in->kind == Kind::kMetric && x.e > qe && x.b < k.e; });
  }

  static bool InMetric(const State& st, const Mention& x) {
    return std::any_of(st.ms.begin(), st.ms.end(),
                       [&](const Mention& k) { return k.in->kind == Kind::kMetric && x.b >= k.b && x.e <= k.e; });
  }

  static bool InShareOf(const State& st, const Mention& x) {
    return std::any_of(st.ms.begin(), st.ms.end(),
                       [&](const Mention& k) { return k.in->kind == Kind::kShareOf && x.b >= k.b && x.e <= k.e; });
  }

  static std::string DefaultUnit(const Lexicon::Entry& metric) {
    std::string cls = metric.Attr("class");
    if (cls.starts_with("money")) return "USD";
    if (cls == "per_share") return "USD/share";
    if (cls == "pct") return "%";
    if (cls == "days") return "days";
    if (cls == "count") return "count";
    if (cls == "shares") return "shares";
    return "number";
  }

  // The first period after a level, when no comma comes between: "$3 billion in revenue in fiscal
  // 2024"; or the period the sentence's subject closed, the level said in the opening phrase ("With
  // revenue over $9 billion, the company ended fiscal 2021 as ...", not "Revenue was $9 billion, and
  // we ended the year with ...").
  static const Mention* PeriodAfter(const SentenceContext& ctx, const State& st, uint32_t qe, uint32_t next) {
    static const RE2 kOpening(R"((?i)^\W*(?:with|on|having|after|behind|thanks\s+to)\s[^,]*$)");
    static const RE2 kClosed(
        R"((?i)^[^,]*,\s+(?:[a-z][\w.&'-]*\s+){1,3}(?:ended|closed|finished|completed|exited)\s+(?:the\s+|our\s+)?$)");
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kPeriod && !x.comparative && x.b >= qe && x.b < next) {
        std::string_view gap = ctx.text.substr(qe, x.b - qe);
        return gap.find(',') == std::string_view::npos ||
                       (RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kClosed) &&
                        RE2::FullMatch(re2::StringPiece(ctx.text.data(), qe), kOpening))
                   ? &x
                   : nullptr;
      }
    return nullptr;
  }

  // A region named right after the number, "12% for EMEA", "up 5% in the U.S.".
  const Mention* RegionAfter(const SentenceContext& ctx, const State& st, uint32_t qe) const {
    static const RE2 kLead(R"((?i)^\s*(?:for|in)\s+(?:the\s+)?\S)");
    for (const Mention& x : st.ms) {
      if (x.in->kind != Kind::kSegment || x.b < qe || x.b - qe > 12) continue;
      const Lexicon::Entry* e = segments_ ? segments_->Find(x.text) : nullptr;
      std::string_view lead = ctx.text.substr(qe, x.e - qe);
      if (e && e->Attr("kind") == "region" && RE2::PartialMatch(re2::StringPiece(lead.data(), lead.size()), kLead)) return &x;
    }
    return nullptr;
  }

  // A comparative period right after a level, no comma between: "the $0.23 per share a year ago".
  static bool YearAgoAfter(const SentenceContext& ctx, const State& st, uint32_t qe) {
    static const RE2 kGap(R"((?i)^\s*(?:per\s+(?:diluted\s+|basic\s+)?share\s*)?(?:in\s+|for\s+|from\s+|of\s+)?(?:the\s+)?$)");
    for (const Mention& x : st.ms) {
      if (x.in->kind != Kind::kPeriod || !x.comparative || x.cause || x.b < qe || x.b - qe > 30) continue;
      std::string_view gap = ctx.text.substr(qe, x.b - qe);
      if (RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kGap)) return true;
    }
    return false;
  }

  // A comparison in its record's unit: a bare number takes it, and so does an amount whose currency
  // was only the call's, guessed ("reduced fully diluted shares by 25 million"); an amount next to
  // a per-share record is per share ("$0.41 compared with $0.32").
  static void InUnitOf(Comparison* c, const std::string& unit, bool guessed) {
    if (c->unit == "number" || (guessed && !IsCurrency(unit) && !unit.ends_with("/share"))) c->unit = unit;
    if (unit.ends_with("/share") && IsCurrency(c->unit)) c->unit += "/share";
  }

  // The 40 bytes before offset `qb`.
  static std::string_view Before(std::string_view s, uint32_t qb) { return s.substr(qb > 40 ? qb - 40 : 0, qb > 40 ? 40 : qb); }

  // "a loss of", "a net loss of", "negative" right before a number (the text before it).
  static bool LossBefore(std::string_view before) {
    static const RE2 kLossOf(
        R"((?i)\b(?:an?\s+(?:\w+\s+)?loss\s+of|negative)\s+(?:(?:approximately|about|roughly|around|nearly|almost|over|some|just\s+under|just\s+over)\s+)?$)");
    return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kLossOf);
  }

  // "a benefit of" right before a number (the text before it): "the tax rate was a benefit of 13%".
  static bool BenefitBefore(std::string_view before) {
    static const RE2 kBenefitOf(
        R"((?i)\ban?\s+(?:\w+\s+)?benefit\s+of\s+(?:(?:approximately|about|roughly|around|nearly|almost)\s+)?$)");
    return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kBenefitOf);
  }

  // "loss" right after a number (the text after it): "a $15 million loss".
  static bool LossAfter(std::string_view after) {
    static const RE2 kLossAfter(R"((?i)^\s+(?:net\s+|operating\s+)?loss\b)");
    return RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kLossAfter);
  }

  // A level in the metric's sign: "a net loss of $12.5 million" is net_income -12.5 million, and so
  // is any level stated as a loss: "Leasing segment EBITDA was a loss of $19 million", "between
  // $120 million loss and $40 million loss"; a rate of a metric with benefit=-1 said as "a benefit of
  // 13%" is -13%.
  static void SetLevel(Metric* r, const Quantity& q, const Lexicon::Entry& metric, std::string_view before = {},
                       std::string_view after = {}) {
    bool loss = metric.Attr("sign") == "-1" || LossBefore(before) || LossAfter(after) ||
                (metric.Attr("benefit") == "-1" && BenefitBefore(before));
    r->value = loss ? -std::fabs(q.value) : q.value;
    r->low = loss ? -std::fabs(q.high) : q.low;
    r->high = loss ? -std::fabs(q.low) : q.high;
  }

  // "Cloud gross margin should be up one point, driven by the accounting change. Excluding that
  // impact, gross margin will fall two points": the metric said again of what the sentence before
  // it left in is that sentence's segment's.
  void ThatImpact(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const {
    static const RE2 kThatImpact(
        R"((?i)^\W*(?:excluding|absent|ex\.?|without|adjusting\s+for)\s+(?:that|this|these|those)\s+(?:[\w-]+\s+)?(?:impacts?|effects?|benefits?|items?|changes?)\b)");
    if (made_from < out->metrics.size() && st->last_at == ctx.index - 1 &&
        RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kThatImpact))
      for (size_t i = made_from; i < out->metrics.size(); ++i) {
        Metric& r = out->metrics[i];
        for (const auto& [metric, segment] : st->last)
          if (r.segment.empty() && metric == r.metric) r.segment = segment;
      }
    // (the metrics of the sentence's records with a segment, and those it names with one, a
    // figure said or not)
    st->last.clear();
    for (size_t i = made_from; i < out->metrics.size(); ++i)
      if (!out->metrics[i].segment.empty()) st->last.emplace_back(out->metrics[i].metric, out->metrics[i].segment);
    for (const Mention& x : st->ms)
      if (x.in->kind == Kind::kMetric && x.metric && !x.text.empty()) st->last.emplace_back(x.metric->Name(), x.text);
    st->last_at = ctx.index;
  }

  // Verbs that tell a result, not a forecast.
  static constexpr const char* kResultVerbs =
      "was|were|fell|rose|grew|increased|decreased|declined|improved|expanded|contracted|delivered|reported|"
      "generated|posted|totaled|totalled|came\\s+in";

  // "We now expect selling expenses to fall 20 to 30 basis points as a share of revenue compared
  // to last year": a change against last year, looked ahead to in a sentence that names
  // no period (nor carries one still to come), is the fiscal year's, not the quarter the call
  // reports ("selling expenses were 9.1% of revenue in the third quarter" before it carries no forecast).
  void AheadOfYear(const SentenceContext& ctx, const State& st, size_t from, Tags* out) const {
    const Call& call = ctx.analysis.call;
    if (!st.forward || Ahead(st.period, call) || !st.forward_period.empty() || !call.fiscal_year || !call.fiscal_quarter ||
        from == out->metrics.size())
      return;
    if (std::any_of(st.ms.begin(), st.ms.end(), [](const Mention& x) { return x.in->kind == Kind::kPeriod && !x.comparative; }))
      return;
    static const RE2 kPast(fmt::format(R"((?i)\b(?:{}|had|saw)\b)", kResultVerbs));
    if (RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kPast)) return;
    const std::string year = fmt::format("FY {}", call.fiscal_quarter == 4 ? call.fiscal_year + 1 : call.fiscal_year);
    for (size_t i = from; i < out->metrics.size(); ++i) {
      Metric& r = out->metrics[i];
      if (r.period != call.fiscal_period || r.comparisons.empty() ||
          !std::all_of(r.comparisons.begin(), r.comparisons.end(), [](const Comparison& c) { return c.kind == "yoy"; }))
        continue;
      // (the figure said after the look ahead: not "Revenue up 5% year over year, and we expect more")
      if (!std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& f) {
            return f.in->kind == Kind::kForward && f.e + ctx.sentence.begin <= r.start;
          }))
        continue;
      r.period = year;
    }
  }

  Metric New(const SentenceContext& ctx, const State& st, const Mention& mm, uint32_t qb, uint32_t qe, uint32_t next,
             const Mention* seg_between) const {
    Metric r = New(ctx, st, mm.metric, qb, qe, next, seg_between, static_cast<int64_t>(mm.e));
    if (!mm.text.empty()) r.segment = WholeBetween(ctx.text, mm.e, qb) ? "" : mm.text;
    // "Segment operating income increased 12%", paragraphs after "Revenue from Devices was ...":
    // the segment the turn last opened (not a line named since: "Console revenue rose 9%")
    // (and every metric of a sentence that opens so: "..., and gross margin percentage rose"; not
    // a segment opened pages before, as for the section above)
    static const RE2 kSegmentWord(R"((?i)\bsegment(?:'s)?\s+$)");
    if (mm.text.empty() && !st.turn_segment.empty() && ctx.index - st.turn_segment_at <= kSectionReach &&
        (RE2::PartialMatch(re2::StringPiece(ctx.text.data(), mm.b), kSegmentWord) ||
         OpensWithSegment(ctx.text)))
      r.segment = st.turn_segment;
    return r;
  }

  // named_end: where the metric's name ends in the sentence, when it is named (-1: not)
  Metric New(const SentenceContext& ctx, const State& st, const Lexicon::Entry* metric, uint32_t qb, uint32_t qe,
             uint32_t next, const Mention* seg_between, int64_t named_end = -1) const {
    Metric r;
    r.metric = metric->Name();
    r.speaker = ctx.turn.speaker, r.turn = ctx.turn.index, r.sentence = ctx.index;
    r.quote = std::string(ctx.text);
    if (seg_between) r.segment = WholeBetween(ctx.text, seg_between->e, qb) ? "" : seg_between->text;
    else {
      // a region or a segment introduced earlier in the sentence, else by a recent sentence's
      // opening words (unless this one names another level: "Company gross margin", "In our
      // server business", "Outside the Americas"), else by the paragraph's heading
      static const RE2 kOwnLevel(
          LevelRegex("in|within|outside|excluding|for|across", "|core|base"));
      bool own_level = RE2::PartialMatch(re2::StringPiece(ctx.text.data(), qb), kOwnLevel);
      // (a segment opening the paragraph does not speak for "Outside the Americas", "Together")
      r.segment = !st.opener.empty() && !own_level ? st.opener
                  : own_level && st.segment_opened ? ""
                                                   : st.segment;
      // else the section's (not of a forecast); and the bottom line said after a line of business
      // is not the line's: the reporting segment's, if any ("Harbor Lending reported net income ...
      // Custody revenue of $1.1 billion was up 7%. Expenses of $700 million were up 2%")
      bool line = metric->Attr("bottom") == "1" && !r.segment.empty() &&
                  ((r.segment == st.opener &&
                    (st.opener_line ||
                     (st.section_reports && st.opener_until - kOpenerReach > st.section_at))) ||
                   (r.segment == st.segment && st.segment_opened &&
                    (st.segment_line || st.section_reports)));
      if (line) r.segment.clear();
      // (not of another level: "Outside the Americas", "Together", "total company"; "Excluding
      // one-offs, expenses fell" is the section's)
      static const RE2 kOtherLevel(LevelRegex("outside|across", ""));
      if (r.segment.empty() && !st.section.empty() && !st.forward &&
          metric->Attr("level") != "company" &&
          !RE2::PartialMatch(re2::StringPiece(ctx.text.data(), qb), kOtherLevel))
        r.segment = st.section;
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kSegment && x.e <= qb && (x.m->rule->name == "region" || !x.in->attr.empty()) &&
            !WholeBetween(ctx.text, x.e, qb) && !Deferred(ctx.text, x.name_at))
          r.segment = x.text;
    }
    // Period: the nearest non-comparative one before, else right after (no comma), else carried.
    // (not a past one said before a cue of the future that the figure follows: "following several
    // one-off items in 2016, and we expect EPS of $2.15")
    const Mention* per = nullptr;
    auto past_before_cue = [&](const Mention& x) {
      return !Ahead(x.text, ctx.analysis.call) && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& f) {
               return f.in->kind == Kind::kForward && f.b >= x.e && f.e <= qb;
             });
    };
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kPeriod && !x.comparative && x.e <= qb && !past_before_cue(x)) per = &x;
    // (one right after the figure beats one a clause before it: "For 2025, we expect growth of 3%,
    // and we remain committed to a target of 11% to 12% in 2026")
    if (const Mention* after = PeriodAfter(ctx, st, qe, next);
        after && (!per || (after->b - qe <= 16 && ctx.text.substr(per->e, qb - per->e).find(',') != std::string_view::npos)))
      per = after;
    // a period still to come, carried from a sentence about it ("there will be more impacts in the
    // fourth quarter"), is not that of a result said after it ("core EPS fell 19%")
    static const RE2 kResult(fmt::format(R"((?i)\b(?:{})\b)", kResultVerbs));
    const bool carried = !st.period.empty() && !(!st.forward && Ahead(st.period, ctx.analysis.call) &&
                                                 RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kResult));
    // (a forward sentence after a result: the period still to come that the turn looked ahead
    // to, not the quarter just reported: "Selling expenses were 9.1% in the third quarter. We now expect ...")
    const bool looks_ahead = st.forward && !st.forward_period.empty();
    r.period = per                                                         ? per->text
               : carried && !(looks_ahead && !Ahead(st.period, ctx.analysis.call)) ? st.period
               : looks_ahead                                               ? st.forward_period
                                                                           : ctx.analysis.call.fiscal_period;
    // a program's size; a target's, looked ahead to ("we aim to take out $250 million of costs")
    static const RE2 kTarget(R"((?i)\btarget(?:s|ed|ing)?\b)");
    if (!per && (metric->Attr("period") == "none" ||
                 (metric->Attr("period") == "target" &&
                  (st.forward || RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kTarget)))))
      r.period.clear();
    // a basis with own=1 speaks only of the metric whose name it holds or follows: "NII ex. Markets"
    auto own_of_other = [&](const Mention& b) {
      return b.in->own && !(named_end >= 0 && b.b <= named_end + 1 && b.e >= named_end);
    };
    if (const std::string basis = metric->Attr("basis", "no"); basis != "no") {
      const Mention* bm = nullptr;
      // the last one before the figure, else the first after it that does not name the basis of a
      // later metric ("sales of $2.3 billion, down 4%, and non-GAAP EPS of $0.41")
      auto later_metric = [&](const Mention& b) {
        return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
          return k.in->kind == Kind::kMetric && k.b >= qe && k.b <= b.e + 3;
        });
      };
      // (a rule with ahead=no speaks only of figures after it: "Sales were $1.4 billion, with
      // organic growth of 5%" leaves the $1.4 billion reported)
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kBasis && !own_of_other(x) && !x.in->right_after &&
            ((x.e <= qb && !LostBreak(ctx.text, x.e, qb)) || (x.e > qb && !bm && !later_metric(x) && x.m->rule->Attr("ahead") != "no")))
          bm = &x;
      if (const Mention* after = RightAfter(st, qb, qe)) bm = after;
      // "Excluding the plant closure costs, margin improved despite a 2% decline in revenues":
      // leaving costs out does not touch the top line (basis=stated: revenue), unless the clause
      // leaves out currency, a deal or revenue too
      if (bm && basis == "stated" && bm->text == "adjusted" && bm->e < qb) {
        static const RE2 kCostsOut(
            R"((?i)^[^,;]*?\b(?:charges?|costs?|expenses?|restructuring|amortization|impairments?|fines?|severance)\b[^,;]*,)");
        static const RE2 kTopLineOut(R"((?i)\b(?:currenc\w*|FX|foreign\s+exchange|acquisitions?|divest\w*|disposals?|revenues?|sales)\b)");
        const re2::StringPiece said(ctx.text.data() + bm->b, qb - bm->b);
        if (RE2::PartialMatch(said, kCostsOut) && !RE2::PartialMatch(said.substr(0, said.find(',')), kTopLineOut)) bm = nullptr;
      }
      // basis=stated (revenue): its own sentence's, or the turn's when said of all figures to come
      // (of all the consolidated ones: not a segment's)
      r.basis = bm          ? bm->text
                : st.framed ? (st.consolidated && !r.segment.empty() ? "" : st.basis)
                : basis == "yes" ? st.basis : "";
    } else {
      // a metric of no usual basis (cash flow, tax rate) takes one only as said of it: right before
      // its name ("adjusted free cash flow") or by a sentence that opens leaving something out
      // ("Excluding the legal settlement, operating cash flow rose 4%")
      for (const Mention& x : st.ms) {
        if (x.in->kind != Kind::kBasis || x.text.empty() || own_of_other(x) || x.in->right_after) continue;
        bool adjacent = std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
          return k.in->kind == Kind::kMetric && k.metric == metric && k.b >= x.e && k.b - x.e <= 1;
        });
        if (adjacent || (!x.in->carries && x.e <= qb && !LostBreak(ctx.text, x.e, qb))) r.basis = x.text;
      }
      if (const Mention* after = RightAfter(st, qb, qe)) r.basis = after->text;
    }
    return r;
  }

  const Pack& pack_;
  const Lexicon *metrics_, *segments_, *notnames_;  // notnames_ may be absent
  const Lexicon *currencies_, *curwords_;            // symbols and words to ISO codes; may be absent
  const Lexicon* numwords_;                          // "three" is 3; may be absent
  std::unordered_map<const Rule*, RuleInfo> info_;
  std::string error_;
};

}  // namespace

Result<std::unique_ptr<Module>> MakeMetrics(const Pack& pack) {
  if (!pack.lexicon("metric") || !pack.lexicon("segment"))
    return Status(Code::kRules, "metrics.pack: the metrics module needs lexicons named {metric} and {segment}");
  auto m = std::make_unique<Metrics>(pack);
  if (!m->error().empty()) return Status(Code::kRules, m->error());
  return std::unique_ptr<Module>(std::move(m));
}

}  // namespace callscope::rules
