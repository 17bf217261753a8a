// The metrics module's own header (data/metrics.pack + metrics.lex), shared by its files only:
// what a sentence's mentions are, the state carried between sentences, and the module class,
// whose member functions live by concern in module.cc (the sentence flow and what carries between
// sentences), mentions.cc (collecting mentions), periods.cc, attach.cc (tying each quantity to
// its metric) and figures.cc (the tests and records attach.cc uses).
#pragma once
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "rules/engine.h"
#include "rules/pack.h"
#include "rules/modules/modules.h"
#include "rules/modules/phrases.h"

namespace callscope::rules::metrics_detail {

// What a quantity is to the metric before it (Metrics::Roles): its level, a change, an earlier level.
enum FigureRole : int { kLevel, kChange, kFrom };

enum class Kind { kMetric, kSegment, kPeriod, kBasis, kChange, kFrom, kContrast, kYoy, kQoq, kShareOf, kBlock, kForward, kFlat };

struct RuleInfo {
  Kind kind;
  std::string attr;  // basis name, period rel, block scope, segment scope, a metric rule's metric (as=)
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
  bool right_after = false;  // basis, segment: of the figure it follows, said right after the number (after=1)
  bool when = false;  // period: an earlier one named in full, when the figure happened unless a cue makes it a reference (when=1)
  bool known = false;  // segment: only a name the call gave a figure to before (known=1)
  std::vector<std::string> of;  // basis: only of these metrics (of=NAME,NAME), else of any; share_of: of what
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
  uint32_t name_at = 0;  // a segment's or a metric's name: where it starts (the match may start before it)
  bool once = false;     // a period read as its sentence's own, which later sentences do not inherit
};

// Where Attach's walk over a sentence's quantities stands.
struct Walk {
  Metric* rec = nullptr;    // the record comparisons attach to
  uint32_t rec_end = 0;     // where the text that introduced it ends
  uint32_t after_end = 0;   // the end of the last segment named right after its number
  std::vector<std::pair<const Mention*, size_t>> made;  // the record each metric mention opened
  bool blocked_prev = false;  // the quantity before was blocked
  bool seg_after = false;     // the record's segment was named after its metric ("... for general insurance")
  const Mention* blocked_metric = nullptr;  // the metric a blocked change used up (Attach)
};

// One quantity of the walk, and what the text names around it (Attach, AttachChange, AttachLevel).
struct Figure {
  size_t i;
  const Quantity& q;
  uint32_t qb, qe, next;  // the number's span in the sentence; where its comparison words end
  const std::string& unit_q;  // its unit, the call's currency for a bare scaled amount
  FigureRole role;
  int sign;
  const Mention* seg_between;     // the segment and metric named since the record began
  const Mention* metric_between;
  const Mention* share_mention;   // "of revenue" right after it
  bool share_of;
};

struct State : ModuleState {
  int turn = -1;
  std::string basis, period, segment;  // carried: basis in the turn, period and segment in the paragraph
  std::string heads;  // the business the turn's speaker heads, by their title (HeadsBusiness)
  // `segment` was named by the paragraph's opening words in a section (Section), not a heading
  // sentence; with its revenue ("Fixed Income revenues were up 2%")
  bool segment_opened = false, segment_line = false;
  bool framed = false;  // the basis was said of the figures to come ("on a GAAP basis"), not of one metric
  bool consolidated = false;  // ... of the consolidated results only: not of a segment's
  // A region the turn reviews as a reporting segment ("In the Europe segment, sales rose 12%"): the
  // lines named after it ("Books revenue rose 8%") are the region's, until a figure of no segment
  // or another segment's.
  std::string region;
  bool region_lines = false;  // the region was opened by a sentence starting with it: only its lines take it
  // The last period a forward-looking sentence of this turn named ("beginning with Q1 where we
  // expect ..."): what the turn's later forward sentences without one speak of, paragraphs apart.
  std::string forward_period;
  // The one period still to come the last question named ("And on the fourth quarter?"), and its
  // turn: what the answer's forward sentences without one speak of (QuestionPeriod, phrases.h).
  std::string question_period;
  int question_turn = -1;
  // The one metric the last question named, if it named one ("And free cash flow for the year?"),
  // and the answer's first sentence: its opening figure, said with no metric, is that metric's
  // (AnswersQuestion).
  std::string asked_metric;
  bool asked_two = false;  // the question named two metrics: none is asked
  int answer_from = -1;
  int period_at = 0;  // the sentence that named `period`
  bool period_forward = false;  // ... a sentence that looked ahead
  int basis_at = 0;   // ... and `basis`
  bool period_heading = false;  // ... a heading, no figures in it
  std::string opener;  // the segment that opened a recent sentence of the paragraph
  int opener_until = 0;  // the last sentence `opener` speaks for
  bool para_before = false, para_now = false;  // whether the sentence before, and this one, open a paragraph
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
  std::string section_in;  // the section when an "In X, ..." opening set it (X)
  bool forward = false;  // this sentence looks ahead
  // The call's currency, for amounts said without one (NoteCurrency).
  // The basis the call's figures are on unless a figure says another ("Today's results are
  // presented on a non-GAAP basis, unless otherwise stated."): given by Finish to the figures of a
  // basis=yes metric said with none.
  std::string call_basis;
  // The records of the last sentence whose basis came only from the turn's (BasisApart), and it.
  std::vector<size_t> carried;
  int carried_at = -1, carried_turn = -1;
  bool currency_read = false;
  bool investment_nii = false;  // "NII" is net investment income (an insurer's call)
  std::string declared, counted;
  std::string Currency() const { return declared.empty() ? counted : declared; }
  // the metrics the last sentence named with a segment (ThatImpact), and its index
  std::vector<std::pair<std::string, std::string>> last;
  int last_at = -1;
  // the last segment not a region that a figure of the turn was given, and its sentence
  // ("Regionally, ..." after it speaks of that business's regions)
  std::string business, business_metric;  // ... and that figure's metric
  double business_value = NAN;             // ... and its value, if it had one
  int business_at = -1;
  bool businesses = false;  // that sentence gave figures to several such (channels listed: no one business)
  // the metric of the turn's last figure, its basis and its sentence ("By geography, ..." after it
  // speaks of it, on its basis: the regions of an organic growth grew organically)
  std::string said_metric, said_basis;
  int said_at = -1;
  // the metric a sentence opening "Regionally, ..." gave a region's figure, and the last sentence
  // that gave one: the regions' changes said next without a metric are that metric's ("EMEA grew
  // 16%", "In APAC, growth was 27%")
  std::string regional_metric;
  int regional_at = -1;
  // the last sentence that turned to the regions without a figure ("Let me now review our
  // geographies."): the regions' changes in the next two sentences are the metric said just before
  int regions_turn_at = -1;
  // the metric of the last record with a change in percent, and its sentence: what the regions'
  // changes after such a turn are of ("orders grew 2%, with book-to-bill above 1": orders)
  std::string changed_metric;
  int changed_at = -1;
  // the segments the call's figures were given so far, in lower case (for rules with known=1)
  std::set<std::string, std::less<>> known;
  std::vector<Mention> ms;
  std::vector<std::pair<int, int>> roles;
  std::vector<const Mention*> used, forced, region_after;
  // a quantity's place in a list of k said before "respectively" whose metrics are not all named:
  // {n, k}, else {0, 0} ("$7 billion or $1.20 per share, ... up 11% and 13%, respectively")
  std::vector<std::pair<int, int>> slot;
};

// Whether the sentence is one of the two after a sentence that turned to the regions (a metric's
// change said no more than two sentences before that turn).
inline bool TurnedToRegions(const SentenceContext& ctx, const State& st) {
  return st.regions_turn_at >= 0 && ctx.index > st.regions_turn_at && ctx.index - st.regions_turn_at <= 2 &&
         st.changed_at >= 0 && st.regions_turn_at - st.changed_at <= 2 && !st.changed_metric.empty();
}

constexpr int kPeriodReach = 6;
constexpr int kOpenerReach = 2;
// "Segment gross margin ..." speaks of a segment opened at most this many sentences back
constexpr int kSectionReach = 15;

inline bool IsCurrency(const std::string& u) {
  return u.size() == 3 && std::all_of(u.begin(), u.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
inline bool AllLower(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
// Words before a figure that name another level than a segment's: an opening preposition of
// `leads` ("Outside the Americas, ...") or a word of the whole ("Company gross margin",
// "Together").
inline std::string WholeWordsRegex(const char* more_words) {
  return std::string(R"((?i)\b(?:company|total|overall|consolidated|firm|firmwide|group|enterprise|together|combined|collectively|whole|entire)") +
         more_words + R"()\b)";
}
inline std::string LevelRegex(const char* leads, const char* more_words) {
  return std::string(R"((?i)^\W*(?:(?:and|but|so|now)\s*,?\s+)?(?:)") + leads + R"()\b|)" +
         WholeWordsRegex(more_words).substr(4);  // (one (?i) for both)
}
// "Regionally, Asia grew 20%", "Geographically, ...": a sentence opening on the regions.
inline bool OpensRegionally(std::string_view text) {
  static const RE2 kRegionally(R"((?i)^\W*(?:and\s+)?(?:regionally|geographically|by\s+(?:region|geography))\b)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kRegionally);
}
// "Let me now review our geographies", "Turning to the regions": a sentence turning to the
// regions (a byte search first: it runs on every sentence).
inline bool TurnsToRegions(std::string_view text) {
  if (text.find("geograph") == std::string_view::npos && text.find("region") == std::string_view::npos) return false;
  static const RE2 kTurn(
      R"((?i)\b(?:look(?:ing)?\s+at|turn(?:ing)?\s+to|mov(?:e|ing)\s+(?:on\s+)?to|review(?:ing)?|talk(?:ing)?\s+about)\s+(?:our\s+|the\s+)?(?:geographies|geographic(?:al)?\s+(?:results|performance|segments|regions)|regions|regional\s+(?:results|performance))\b)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kTurn);
}
// A clause opening the sentence that turns to the regions: "Looking at regional performance, ...",
// "From a geographic perspective, ..." (or "Regionally, ...", OpensRegionally).
inline bool RegionalClause(std::string_view text) {
  static const RE2 kRegionalClause(
      R"((?i)^\W*[^,;]{0,40}?\b(?:regional|geographic(?:al)?)\s+(?:performance|basis|breakdown|view|perspective|results|split|mix)\b)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kRegionalClause);
}
// True when `before`, the text of a sentence before a region's name, only opens the sentence on it:
// "In APAC, ...", "And for the Americas", "Regionally, the Americas ...", or nothing at all.
inline bool OpensOnRegion(std::string_view before) {
  static const RE2 kLead(
      R"((?i)^\W*(?:(?:and|so|now|also)\W+)?(?:(?:regionally|geographically|by\s+(?:region|geography))\s*,\s*)?(?:(?:in|for)\s+)?(?:the\s+)?$)");
  return RE2::FullMatch(re2::StringPiece(before.data(), before.size()), kLead);
}
// Words that are no name of a business in a list with its verb left out ("..., and services 5%").
inline bool NotAName(const std::string& words) {
  static const RE2 kNotName(R"((?i)\b(?:and|or|up|down|was|were|is|are|of|the|our|with|to|from|by|at|in|for|about|approximately|roughly|nearly|over|compared|versus|vs|while|but|than|a|an|it|its|we|they|growth|grew|rose|fell|increased|decreased|declined|respectively|also)\b)");
  return RE2::PartialMatch(words, kNotName);
}
// "Segment operating income was ...", "Operating income for the segment", "The segment's margin":
// a sentence speaking of the segment the turn named last.
inline bool NamesTheSegment(std::string_view text) {
  static const RE2 kTheSegment(R"(^\W*Segment\s|(?i)\b(?:for|of|in|within)\s+the\s+(?:segment|division)\b|\b[Tt]he\s+(?:segment|division)(?:'s)?\s)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kTheSegment);
}
inline bool AllUpper(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

class Metrics : public Module {
 public:
  explicit Metrics(const Pack& p);
  const std::string& error() const { return error_; }
  const char* name() const override { return "metrics"; }
  std::unique_ptr<ModuleState> NewState() const override { return std::make_unique<State>(); }
  void Describe(const Analysis& a, std::vector<std::string>* lines) const override {
    for (const auto& x : a.tags.metrics) lines->push_back(rules::Describe(x));
  }

  bool Wants(const SentenceContext& ctx) const override {
    return ctx.role != Role::kAnalyst && ctx.role != Role::kOperator && pack_.MayMatch(ctx.text);
  }
  void Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const override;
  void Finish(ModuleState* state, Tags* out) const override;

 private:
  // module.cc: the sentence flow, and what carries from sentence to sentence
  void NoteCurrency(const SentenceContext& ctx, State* st) const;
  static void NoteCallBasis(const SentenceContext& ctx, State* st);
  void Section(const SentenceContext& ctx, State* st) const;
  static bool OfNoBasis(const State& st, const Mention& x);
  static bool NamedHere(const State& st, const std::string& segment);
  void SectionLine(const State& st, std::string* segment) const;
  std::string SegmentKind(std::string_view name) const;
  static bool WholeBetween(std::string_view text, uint32_t from, uint32_t to);
  static bool Deferred(std::string_view s, uint32_t b);
  static bool WhereDone(std::string_view s, const Mention& x, uint32_t qb);
  static bool ReviewHeading(std::string_view text);
  static void TopicLine(std::string_view text, std::string_view metric, std::string* segment);
  bool ListedAcronym(std::string_view name) const;
  std::string LineInList(std::string_view gap, std::string_view sentence) const;
  // answers.cc: what a question asks about, and the figure an answer opens on
  void NoteQuestion(const SentenceContext& ctx, State* st) const;
  static void AnswerPeriod(const State& st, Metric* r);
  const Lexicon::Entry* AnswersQuestion(const SentenceContext& ctx, const State& st, uint32_t qb, const std::string& unit,
                                        bool change = false) const;
  static bool OfTopic(std::string_view line);
  static bool Initials(std::string_view text, std::string_view name);
  static bool InTheSegment(std::string_view text, uint32_t at, size_t size);
  static bool TurnsTo(std::string_view text);
  void RegionLines(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const;
  static void Respectively(const SentenceContext& ctx, size_t made_from, Tags* out);
  static void Both(const SentenceContext& ctx, size_t made_from, Tags* out);
  void BasisApart(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const;
  static bool RevenueAfter(const State& st, const Mention& seg);
  static bool FinancialAfter(const State& st, const Mention& seg);
  void ThatImpact(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const;
  bool Compares(const SentenceContext& ctx, const State& st, Tags* out) const;
  // An amount and its margin, its share of revenue (a bare "margin" said after the amount; a
  // margin compared with the amount's share)
  using Rates = std::span<const std::pair<std::string_view, std::string_view>>;
  static constexpr std::pair<std::string_view, std::string_view> kMargins[] = {
      {"ebitda", "ebitda_margin"}, {"operating_income", "operating_margin"}, {"gross_profit", "gross_margin"}, {"net_income", "net_margin"},
      {"free_cash_flow", "fcf_margin"}};
  // An amount and its conversion (a bare "conversion of 72%" said after it)
  static constexpr std::pair<std::string_view, std::string_view> kConversions[] = {{"free_cash_flow", "fcf_conversion"}};
  // Verbs that tell a result, not a forecast.
  static constexpr const char* kResultVerbs =
      "was|were|fell|rose|grew|increased|decreased|declined|improved|expanded|contracted|delivered|reported|"
      "generated|posted|totaled|totalled|came\\s+in";
  void AheadOfYear(const SentenceContext& ctx, const State& st, size_t from, Tags* out) const;

  // mentions.cc: the mentions of a sentence
  bool IsLine(const std::string& name) const { return SegmentKind(name) == "line"; }
  bool IsRegion(const std::string& name) const { return SegmentKind(name) == "region"; }
  void Collect(const SentenceContext& ctx, const Matches& m, State* st) const;
  static std::string_view DropWhole(std::string_view seg);
  std::string Segment(std::string_view seg, std::string_view sentence = {}) const;
  std::string InRegion(const std::string& region, const std::string& line) const;
  size_t RegionLead(const std::string& seg) const;
  size_t LowerPairHead(std::string_view text, size_t from) const;
  static size_t AndHead(std::string_view text, size_t from);
  static size_t NameStart(std::string_view text, size_t at);
  static bool IsCompany(const Call& call, std::string_view seg);
  bool Fill(const SentenceContext& ctx, const Matches& m, bool forward, Mention* x) const;
  static bool SaidBeforeCue(const SentenceContext& ctx, const std::vector<Mention>& ms, const Mention& x);

  // periods.cc: periods and comparison kinds
  static bool Carries(const Mention& x);
  static bool HalfJustEnded(const Mention& x, const Call& call);
  static std::string CallQuarter(const Call& call);
  static bool Stale(const std::string& period, const Call& call);
  static bool JustBegun(const std::string& period, const Call& call);
  static bool Ahead(const std::string& period, const Call& call);
  static bool RefersBack(const SentenceContext& ctx, uint32_t from, uint32_t to);
  static int QuarterNumber(std::string_view w);
  static int Year(std::string_view y, int dflt);
  static std::string Quarter(int q, int y) { return y ? fmt::format("Q{} {}", q, y) : fmt::format("Q{}", q); }
  static std::string Ended(const SentenceContext& ctx, const Matches& m, const Match& x);
  static std::string Relative(const Call& call, const std::string& rel);
  static bool LastBefore(std::string_view text, uint32_t b);
  static std::string Period(const Matches& m, const Match& x, const std::string& rel, const Call& call, bool forward,
                            bool past = false);
  void CompareKind(const SentenceContext& ctx, const State& st, uint32_t b, uint32_t e, uint32_t next, Comparison* c) const;
  static const Mention* PeriodAfter(const SentenceContext& ctx, const State& st, uint32_t qe, uint32_t next);
  static bool YearAgoAfter(const SentenceContext& ctx, const State& st, uint32_t qe);

  // attach.cc: the walk over a sentence's quantities
  static bool PriorRange(const SentenceContext& ctx, Metric* rec, size_t i);
  static void SentencePairs(const SentenceContext& ctx, Tags* out);
  static void BasisPairs(const SentenceContext& ctx, Tags* out);
  void Roles(const SentenceContext& ctx, const State& st) const;
  void AttachChange(const SentenceContext& ctx, const Matches& m, const State& st, Figure& f, Walk& walk, Tags* out) const;
  void AttachLevel(const SentenceContext& ctx, const State& st, Figure& f, Walk& walk, Tags* out) const;
  void Attach(const SentenceContext& ctx, const Matches& m, const State& st, Tags* out) const;
  void Flat(const SentenceContext& ctx, const State& st, Tags* out) const;

  // figures.cc: what attach.cc reads around a number, and new records
  static std::string Fits(const Lexicon::Entry& metric, const std::string& unit, bool share_of);
  static bool WhichOthers(const State& st, std::string_view s, uint32_t qb);
  static bool OthersGrowth(const State& st, const Matches& m, std::string_view s, uint32_t qb);
  static bool OtherSubject(std::string_view s, uint32_t from, uint32_t qb);
  static bool Scaled(std::string_view t);
  static void Paired(const SentenceContext& ctx, const State& st, const std::function<bool(size_t)>& gap,
                     std::vector<const Mention*>* forced);
  void Respectively(const SentenceContext& ctx, const State& st, std::vector<const Mention*>* forced,
                    std::vector<std::pair<int, int>>* slot) const;
  // The last record this sentence made that `pred` accepts (they sit at the end of `out`).
  template <typename Pred>
  static Metric* LastOfSentence(const SentenceContext& ctx, Tags* out, Pred pred) {
    for (size_t k = out->metrics.size(); k-- > 0 && out->metrics[k].sentence == ctx.index && out->metrics[k].turn == ctx.turn.index;)
      if (pred(out->metrics[k])) return &out->metrics[k];
    return nullptr;
  }
  static const Mention* RightAfter(const State& st, uint32_t qb, uint32_t qe);
  static std::string YearAhead(const Call& call, std::string_view text);
  static bool LooksAheadTo(const SentenceContext& ctx, const State& st, uint32_t qb);
  static bool ThenBetween(std::string_view s, uint32_t from, uint32_t to);
  static bool InAside(std::string_view s, uint32_t b, uint32_t e, uint32_t qb);
  static bool OtherAntecedent(const SentenceContext& ctx, uint32_t e, uint32_t qb);
  static const Mention* MetricGrowthAfter(const State& st, std::string_view s, uint32_t qe);
  static const Mention* NounAfter(const State& st, std::string_view s, uint32_t qe);
  static bool OtherThingAfter(std::string_view s, uint32_t e);
  static const Mention* NamedAfter(const State& st, std::string_view s, const Mention& noun, const Mention** seg);
  static const Mention* SegmentAfterName(const State& st, std::string_view s, uint32_t e);
  static bool OtherBasis(const State& st, std::string_view s, size_t i, uint32_t prev_end, uint32_t qb, uint32_t qe);
  bool RegionList(const SentenceContext& ctx, const State& st, const Figure& f, const Walk& walk) const;
  static bool PeriodList(const SentenceContext& ctx, const State& st, const Figure& f, const Walk& walk);
  static std::string ShareList(const SentenceContext& ctx, const Figure& f, const Metric& rec);
  std::string ChangeListName(std::string_view s, uint32_t from, uint32_t qb) const;
  static bool LostBreak(std::string_view s, uint32_t from, uint32_t to);
  static bool AndBetween(const SentenceContext& ctx, size_t i);
  // ", or" between the end of an earlier figure and [qb, qe), "of revenue" after it
  static bool ShareAfterFrom(std::string_view s, uint32_t prev_end, uint32_t qb, uint32_t qe);
  static const Mention* PluralChangeAfter(const SentenceContext& ctx, const State& st, size_t i);
  static bool Blocked(const State& st, std::string_view s, uint32_t prev_end, uint32_t qb, uint32_t qe,
                      const std::string& unit);
  static bool WordsBetween(const State& st, std::string_view s, uint32_t qe, const Mention& k);
  static bool InMetric(const State& st, const Mention& x);
  static bool InShareOf(const State& st, const Mention& x);
  static std::string DefaultUnit(const Lexicon::Entry& metric);
  static std::string DefaultUnit(const Lexicon::Entry& metric, const State& st);
  // The rate an amount is said as in percent or basis points (`rate=`: net charge-offs' rate), if any.
  const Lexicon::Entry* RateOf(const Lexicon::Entry& metric) const {
    return metric.Attr("rate").empty() ? nullptr : metrics_->Find(metric.Attr("rate"));
  }
  const Mention* RegionAfter(const SentenceContext& ctx, const State& st, uint32_t qe) const;
  static void InUnitOf(Comparison* c, const std::string& unit, bool guessed);
  // The 40 bytes before offset `qb`.
  static std::string_view Before(std::string_view s, uint32_t qb) { return s.substr(qb > 40 ? qb - 40 : 0, qb > 40 ? 40 : qb); }
  static bool LossBefore(std::string_view before);
  static bool BenefitBefore(std::string_view before);
  static bool LossAfter(std::string_view after);
  static void SetLevel(Metric* r, const Quantity& q, const Lexicon::Entry& metric, std::string_view before = {},
                       std::string_view after = {});
  std::string OfBusiness(const SentenceContext& ctx, const State& st, const std::string& seg, uint32_t qe) const;
  static std::string HeadsBusiness(const Participant& p);
  Metric New(const SentenceContext& ctx, const State& st, const Mention& mm, uint32_t qb, uint32_t qe, uint32_t next,
             const Mention* seg_between) const;
  Metric New(const SentenceContext& ctx, const State& st, const Lexicon::Entry* metric, uint32_t qb, uint32_t qe,
             uint32_t next, const Mention* seg_between, int64_t named_end = -1) const;

  const Pack& pack_;
  const Lexicon *metrics_, *segments_, *notnames_;  // notnames_ may be absent
  const Lexicon *currencies_, *curwords_;            // symbols and words to ISO codes; may be absent
  const Lexicon* numwords_;                          // "three" is 3; may be absent
  // a currency declared ("in U.S. dollars"), an amount's mark ("$2", "EUR 5") or a number said with
  // its currency word ("two point one billion dollars"): built from the two currency lexicons
  std::unique_ptr<RE2> currency_marks_;
  std::unique_ptr<RE2> asked_terms_;  // the vocabulary's terms, for what a question asks about (NoteQuestion)
  std::unordered_map<const Rule*, RuleInfo> info_;
  std::string error_;
};

}  // namespace callscope::rules::metrics_detail
