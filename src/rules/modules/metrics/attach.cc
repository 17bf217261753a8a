// Metrics module: the walk over a sentence's quantities. Each quantity gets a role (a level, a
// change, an earlier level), then the metric it measures, and becomes a record of its own or a
// comparison of the record before it.
#include "rules/modules/metrics/metrics.h"

#include <tuple>
#include <utility>

namespace callscope::rules::metrics_detail {

namespace {
bool Improves(std::string_view cue) {
  const std::string c = Lower(cue);
  return c.find("improv") != std::string::npos || c.starts_with("better");
}

// ... and the words of a change for the worse ("a deterioration of 150 basis points", "worse than")
bool Worsens(std::string_view cue) {
  const std::string c = Lower(cue);
  return c.find("deteriorat") != std::string::npos || c.find("worse") != std::string::npos;
}

// The line a share of revenue came from, said right after it ("31% of our total revenue came from
// software, up from 28%": "software"; not customers, "from our top five customers"); empty if
// none, else *end is where the line's name ends.
std::string ShareFrom(std::string_view s, uint32_t at, uint32_t* end = nullptr) {
  static const RE2 kFrom(
      R"((?i)^(\s+(?:(?:was|were|is|are)\s+)?(?:(?:that|which)\s+)?(?:generated\s+|came\s+|coming\s+|derived\s+)?from\s+(?:our\s+|the\s+)?([a-z][\w&-]*(?:\s+[a-z][\w&-]*){0,2}?))(?:\s*[,.;]|\s+(?:up|down|compared|versus|vs|in|this|last|a|during|for|and|as)\b|$))");
  // (not who paid it, nor a point of view: "from an overall perspective")
  static const RE2 kWho(R"((?i)\b(?:customers?|clients?|accounts?|one|two|three|four|five|six|seven|eight|nine|ten|top|largest|perspective|standpoint|view|level)\b)");
  re2::StringPiece all, line;
  if (at > s.size() || !RE2::PartialMatch(re2::StringPiece(s.data() + at, s.size() - at), kFrom, &all, &line) ||
      RE2::PartialMatch(line, kWho))
    return {};
  if (end) *end = at + static_cast<uint32_t>(all.size());
  return std::string(line.data(), line.size());
}
}  // namespace

// Each quantity's role first: the nearest cue between the previous quantity and this one, else an
// ellipsis ("down 26% sequentially, and 46% year-over-year"); "increased to 9.5%" is a level.
// Writes st.roles (and st.region_after, st.used cleared) for Attach.
void Metrics::Roles(const SentenceContext& ctx, const State& st) const {
  std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin;
  const size_t nq = ctx.quantities.size();
  auto& roles = const_cast<State&>(st).roles;
  auto& used = const_cast<State&>(st).used;
  used.clear();
  roles.assign(nq, {static_cast<int>(kLevel), 1});
  // "grew 5% for the Americas, 9% for EMEA and decreased 2% for APJC": a region right after
  // each number is that number's, and a list of them continues the first number's change
  auto& region_after = const_cast<State&>(st).region_after;
  region_after.resize(nq);
  for (size_t i = 0; i < nq; ++i) region_after[i] = RegionAfter(ctx, st, ctx.quantities[i].end - base);
  // (the last of the list after "and": "6% for the Americas and 2% for EMEA")
  static const RE2 kListGap(R"(^[,\s]*(?:and\s+)?$)");
  auto region_list = [&](size_t i) {
    const Mention *prev = i ? region_after[i - 1] : nullptr, *cur = region_after[i];
    uint32_t qb = ctx.quantities[i].start - base;
    return prev && cur && prev->e <= qb && RE2::FullMatch(re2::StringPiece(s.data() + prev->e, qb - prev->e), kListGap);
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
    // (not an amount after a percentage, "and": "up 4%, and $1.9 billion for the year" is a level;
    // "up 4%, or $60 million" is the change again)
    // (nor after the period the first change was counted from: "an increase of 46% over the third
    // quarter of 2024 and 9% over the second quarter")
    static const RE2 kCountedFrom(R"((?i)^\s*(?:over|versus|vs\.?|from|compared\s+(?:to|with)|against|relative\s+to)\s+(?:the\s+)?$)");
    auto elliptic = [&](uint32_t from) {
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kPeriod && x.b >= from && x.b - from <= 24 && x.e <= qb &&
            RE2::FullMatch(re2::StringPiece(s.data() + from, x.b - from), kCountedFrom))
          from = x.e;
      std::string_view gap = s.substr(from, qb - from);
      size_t cut = gap.find_last_of(',');
      std::string_view tail = cut == std::string_view::npos ? gap : gap.substr(cut);
      return i > 0 && roles[i - 1].first != kLevel && RE2::FullMatch(re2::StringPiece(tail.data(), tail.size()), kElliptic) &&
             !RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kShareAfter) &&
             !(IsCurrency(ctx.quantities[i].unit) && !IsCurrency(ctx.quantities[i - 1].unit) &&
               tail.find("and") != std::string_view::npos);
    };
    // "Revenue rose 5% and operating income 8%", "... by $40 million and operating income by $12
    // million": the next metric of the list, its number in the first's unit, changed as the first
    // (not a rate's level: "grew 5% and gross margin 61%")
    static const RE2 kListBefore(R"(^\s*,?\s*(?:and\s+)?$)"), kListAfter(R"(^\s+(?:by\s+)?$)");
    auto metric_list = [&](uint32_t from) {
      if (i == 0 || roles[i - 1].first != kChange || ctx.quantities[i].unit != ctx.quantities[i - 1].unit) return false;
      return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
        return x.in->kind == Kind::kMetric && x.b >= from && x.e <= qb &&
               !(ctx.quantities[i].unit == "%" && x.metric->Attr("class").find("pct") != std::string::npos) &&
               RE2::FullMatch(re2::StringPiece(s.data() + from, x.b - from), kListBefore) &&
               RE2::FullMatch(re2::StringPiece(s.data() + x.e, qb - x.e), kListAfter);
      });
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
    // "up 4% from a year ago, with a value of $1.9 billion": a figure said again as a value after
    // the period is a level (the orders' value), not the year-ago figure; nor is what a change
    // came on ("down 6% from last year, on 5,840 homes delivered", "flat versus last year, as 4%
    // higher pricing offset lower volumes")
    static const RE2 kValueAfter(
        R"((?i)^\s*,\s*(?:with\s+an?\s+(?:\w+\s+)?value\s+of|valued\s+at|worth|on|as|driven\s+by|led\s+by)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+)?$)");
    if (cue && cue->in->kind == Kind::kFrom)
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kPeriod && x.b >= cue->e && x.b - cue->e <= 5 && x.e <= qb &&
            RE2::FullMatch(re2::StringPiece(s.data() + x.e, qb - x.e), kValueAfter)) {
          cue = nullptr;
          break;  // as above
        }
    // "against our 6% sequential revenue growth": a growth rate that names its own metric
    if (cue && cue->in->kind == Kind::kFrom && ctx.quantities[i].unit == "%" && MetricGrowthAfter(st, s, qe)) cue = nullptr;
    if (cue) {
      roles[i] = {cue->in->kind == Kind::kChange ? kChange : kFrom, cue->in->sign};
      // "The efficiency ratio improved 150 basis points", "SG&A was 60 basis points better than last
      // year": a ratio or an expense better lower improves down (and worsens up: "an operating ratio
      // of 74.6%, a deterioration of 150 basis points")
      const std::string_view said = s.substr(cue->b, cue->e - cue->b);
      if (cue->in->kind == Kind::kChange && ((cue->in->sign > 0 && Improves(said)) || (cue->in->sign < 0 && Worsens(said)))) {
        // (the metric before it, or after it for a noun of change: "a 310-basis-point improvement in
        // the combined ratio")
        const Mention *named = nullptr, *after = nullptr;
        for (const Mention& x : st.ms) {
          if (x.in->kind != Kind::kMetric || InShareOf(st, x)) continue;  // (not "sales" in "as a percentage of sales")
          if (x.e <= cue->b) named = &x;
          else if (cue->in->named_after && !after && x.b >= cue->e && x.b - cue->e <= 40) after = &x;
        }
        if (after) named = after;
        if (named && named->metric->Attr("better") == "lower") roles[i].second = -roles[i].second;
      }
    } else if (ctx.quantities[i].unit != "number" && MetricGrowthAfter(st, s, qe)) {
      roles[i] = {kChange, 1};  // "20% revenue growth"
    } else if (carry || elliptic(prev_end) || region_list(i) || metric_list(prev_end) || OtherBasis(st, s, i, prev_end, qb, qe) ||
               (i > 0 && roles[i - 1].first == kChange && ctx.quantities[i].unit == ctx.quantities[i - 1].unit &&
                !ChangeListName(s, prev_end, qb).empty())) {  // "grew 10%, and services 5%"

      roles[i] = roles[i - 1];
    } else if (i > 0 && roles[i - 1].first == kFrom && ctx.quantities[i].unit == "%" && ShareAfterFrom(s, prev_end, qb, qe)) {
      roles[i] = {kFrom, 1};  // "compared to $295 million, or 29% of revenue": the share's earlier level
    } else if (i > 0 && YearAgoAfter(ctx, st, ctx.quantities[i].end - base)) {
      roles[i] = {kFrom, 1};  // "$0.52 a share, more than double the $0.23 a share a year ago"
    }
    prev_end = ctx.quantities[i].end - base;
  }
}

// "up 7% reported, 9% organic", "up 7% as reported and 9% excluding the divestiture": the number
// `i` after a change, said on another basis right after it, is that change on the other basis.
bool Metrics::OtherBasis(const State& st, std::string_view s, size_t i, uint32_t prev_end, uint32_t qb, uint32_t qe) {
  static const RE2 kBetween(R"((?i)^\s*(?:(?:as\s+)?reported|on\s+a\s+reported\s+basis)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)$)");
  return i > 0 && st.roles[i - 1].first == kChange && prev_end <= qb && RightAfter(st, qb, qe) &&
         RE2::FullMatch(re2::StringPiece(s.data() + prev_end, qb - prev_end), kBetween);
}

// A change or an earlier level (role kChange, kFrom): a comparison of the record it belongs to, or
// of a new record of the metric named for it.
void Metrics::AttachChange(const SentenceContext& ctx, const Matches& m, const State& st, Figure& f, Walk& walk,
                           Tags* out) const {
  std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin;
  // (references, not structured bindings: clang before 16 cannot capture those in a lambda)
  const size_t i = f.i;
  const Quantity& q = f.q;
  const uint32_t qb = f.qb, qe = f.qe, next = f.next;
  const std::string& unit_q = f.unit_q;
  const FigureRole role = f.role;
  const int sign = f.sign;
  const Mention*& seg_between = f.seg_between;
  const Mention*& metric_between = f.metric_between;
  Metric*& rec = walk.rec;
  uint32_t& rec_end = walk.rec_end;
  auto& made = walk.made;
  auto& used = const_cast<State&>(st).used;
  const auto& forced = st.forced;
  const auto& roles = st.roles;
    // "from 1 technology node to the next": a count of things, not an earlier figure
    static const RE2 kThings(R"(^\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*\s+(?:to|into)\b)");
    if (role == kFrom && q.unit == "number" && !Scaled(s.substr(qb, qe - qb)) &&
        RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kThings))
      return;
    // "accounting for 58% of Northern Region revenues, up from 55%": the earlier figure of a share
    // said before it that made no record, not of the metric it is a share of
    if (role == kFrom && q.unit == "%" && i > 0 && roles[i - 1].first == kLevel && ctx.quantities[i - 1].unit == "%") {
      static const RE2 kOfSales(R"(^\s+of\s+(?:[\w&.-]+\s+){0,4}?(?i:revenues?|sales)\b)");
      const uint32_t pe = ctx.quantities[i - 1].end - base;
      const bool share = RE2::PartialMatch(re2::StringPiece(s.data() + pe, s.size() - pe), kOfSales);
      if (share && !LastOfSentence(ctx, out, [&](Metric& r) { return r.end == ctx.quantities[i - 1].end; })) return;
    }
    Comparison c;
    c.type = role == kChange ? "change" : "from";
    // "compared with a loss of $127 million": an earlier figure in its own sign
    c.value = role == kChange ? sign * std::fabs(q.value) : LossBefore(Before(s, qb)) ? -std::fabs(q.value) : q.value;
    // ("compared with a benefit of 3%": a tax rate's earlier level in its sign)
    if (const Lexicon::Entry* e = rec && role == kFrom && BenefitBefore(Before(s, qb)) ? metrics_->Find(rec->metric) : nullptr;
        e && e->Attr("benefit") == "-1")
      c.value = -std::fabs(q.value);
    if (!std::isnan(q.low) && q.low != q.high) {  // "to grow 5% to 7%": the range, in the value's sign
      bool flip = (c.value < 0) != (q.value < 0);
      // (one across zero or from it is as said: "growth of -2% to +1%", "flat to down 3%", "to
      // decline, in the range of negative 1% to flat": a range below zero is signed already)
      if (role == kChange && q.low <= 0 && q.high >= 0) flip = sign < 0 && q.low == 0, c.value = flip ? -q.value : q.value;
      c.low = flip ? -q.high : q.low, c.high = flip ? -q.low : q.high;
    }
    c.unit = unit_q;
    const bool guessed = unit_q != q.unit && q.unit == "number";  // the call's currency, not said
    CompareKind(ctx, st, qb, qe, next, &c);
    // "Over the past four years, we have added $9 billion of annual revenue": a change against
    // the year that many years back, like "since 2014" (and "over the past five quarters, NIM
    // rose 118 basis points": the quarter that many back)
    if (const Call& call = ctx.analysis.call; role == kChange && c.kind == "vs_prior" && c.period.empty() && call.fiscal_year) {
      static const RE2 kBack(R"((?i)\b(?:over|in|during|across)\s+the\s+(?:last|past)\s+(\w+)\s+(years|quarters)\b)");
      std::string n, span;
      if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kBack, &n, &span)) {
        const Lexicon::Entry* w = numwords_ ? numwords_->Find(n) : nullptr;
        const int back = w ? std::atoi(w->Attr("value").c_str()) : std::atoi(n.c_str());
        if (span == "years" && back >= 2 && back <= 20) {
          c.period = fmt::format("FY {}", call.fiscal_year - back);
        } else if (span == "quarters" && call.fiscal_quarter && back >= 2 && back <= 40) {
          const int at = call.fiscal_year * 4 + call.fiscal_quarter - 1 - back;
          c.period = Quarter(at % 4 + 1, at / 4);
        }
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
        return;
      }
    }
    if (forced[i]) {  // "... down 2% and 5%, respectively"
      auto it = std::find_if(made.begin(), made.end(), [&](const auto& p) { return p.first == forced[i]; });
      if (it != made.end()) {
        Metric& to = out->metrics[it->second];
        InUnitOf(&c, to.unit, guessed);
        to.comparisons.push_back(std::move(c));
        rec = &to, rec_end = qe;
        return;
      }
      metric_between = forced[i], seg_between = nullptr;
    }
    // "earnings were $5.7 billion, and production averaged 4.77 million barrels per day, up 0.2
    // million barrels per day": a change counted in things is no change of an amount of money
    if (role == kChange && rec && !metric_between && c.unit == "count" && IsCurrency(rec->unit)) return;
    // "sales were $4.6 billion, and we shipped 3.1 million tons, a 4% increase": the change right
    // after a count that made no record is the count's
    if (const uint32_t pe = i > 0 ? ctx.quantities[i - 1].end - base : 0;
        role == kChange && rec && !metric_between && i > 0 && ctx.quantities[i - 1].unit == "count" && pe > rec_end && pe <= qb &&
        qb - pe <= 40)
      return;
    // "fees were $2.6 billion, up 42%, driven by advisory, which rose 60%": the change of a driver
    // said in a "which" clause is the driver's, no metric's (a business so named: its own)
    static const RE2 kDriverWhich(
        R"((?i)\b(?:driven|led|helped|supported|fueled|boosted)\s+by\s+[^,;]{1,60},\s*which\s+(?:[\w-]+\s+){0,2}$)");
    if (role == kChange && rec && !metric_between && !seg_between && rec_end <= qb &&
        RE2::PartialMatch(re2::StringPiece(s.data() + rec_end, qb - rec_end), kDriverWhich))
      return;
    // "Operating profit rose 14% to 2.3 billion euros, so the margin is up about 100 basis points";
    // "adjusted EBITDA of $1.33 billion was essentially flat, with margins expanding 40 basis
    // points", "..., expanding margin by 140 basis points": a bare margin's change in points after
    // an amount is that amount's margin's
    if (role == kChange && (unit_q == "bp" || unit_q == "pp") && rec && rec->sentence == ctx.index && IsCurrency(rec->unit) &&
        !metric_between && rec_end <= qb) {
      static const RE2 kMarginMoved(
          R"((?i)(?:\b(?:the|its|our|their|with)\s+margins?\s+(?:(?:is|was|are|were|has|have)\s+)?(?:been\s+)?(?:up|down|expanded|expanding|improved|improving|contracted|declined|increased|decreased|widened|narrowed)|\b(?:expanding|expanded|improving|improved|increasing|contracting|widening)\s+(?:the\s+|its\s+|our\s+)?margins?)\s+(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?$)");
      if (RE2::PartialMatch(re2::StringPiece(s.data() + rec_end, qb - rec_end), kMarginMoved))
        for (const auto& [amount, rate] : Rates(kMargins))
          if (rec->metric == amount) {
            Metric r = *rec;
            r.metric = rate, r.unit = "%", r.value = r.low = r.high = NAN, r.approx = false;
            r.comparisons.clear(), r.share_of.clear();
            r.start = q.start, r.end = q.end;
            r.comparisons.push_back(std::move(c));
            out->metrics.push_back(std::move(r));
            rec = &out->metrics.back(), rec_end = qe;
            return;
          }
    }
    // "a 15% increase in revenue and a $5 million decrease in R&D": a noun of change right after
    // the number names its metric after it
    const Mention* noun = role == kChange && !forced[i] ? NounAfter(st, s, qe) : nullptr;
    const Mention* named_seg = nullptr;  // a segment named between the noun and the metric
    const Mention* named = noun ? NamedAfter(st, s, *noun, &named_seg) : role == kChange && !forced[i] ? MetricGrowthAfter(st, s, qe) : nullptr;
    // "... mainly driven by a 90 basis point increase and ...": a driver of no metric named
    // (or the second of such a list: "driven by 20% growth in X and 9% growth in Y")
    static const RE2 kDriver(
        R"((?i)\b(?:driven\s+by|due\s+to|because\s+of|reflecting|helped\s+by)\s+(?:an?\s+|the\s+)?(?:[^,;.]{1,80}?\s+and\s+(?:an?\s+)?)?$)");
    // (so is one of a thing the vocabulary knows is no metric: "driven by a 3% increase in traffic")
    if (noun && (!named || IsNone(*named->metric)) && RE2::PartialMatch(re2::StringPiece(s.data(), qb), kDriver)) return;
    // "a 30 basis point gain in yields": the change of a thing named after the noun,
    // not of a metric named before (a period, a currency or a basis named there is no thing:
    // "a 10% increase in the quarter", "in local currency")
    // (nor of a thing the vocabulary knows is no metric: "with a 2.5% decline in transactions")
    if (noun && (!named || IsNone(*named->metric)) && OtherThingAfter(s, noun->e)) return;
    // (nor "revenue increased 7% on 5% volume growth": the growth of such a thing said before it)
    if (!noun && named && IsNone(*named->metric)) return;
    // A new record for this change of the record's metric, of another segment or basis.
    auto again = [&](std::string segment, std::string basis) {
      Metric r = *rec;
      // (a change in percent after a share of revenue is the amount's: "..., which is 86% of
      // the total, grew 29%", "... 46% of the total, while wholesale declined 12%")
      if (!r.share_of.empty() && c.unit != "pp" && c.unit != "bp")
        if (const Lexicon::Entry* e = metrics_->Find(r.metric)) r.unit = DefaultUnit(*e, st);
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
      r.unit = u.empty() ? DefaultUnit(*mm.metric, st) : u;
      // "adjusted SG&A rose 40 bps": an amount's change in points is its share of revenue's
      // (not revenue itself, nor a growth rate's points: "lower revenue growth by 1 point")
      static const RE2 kGrowthAfter(R"((?i)^\s+growth\b)");
      if (IsCurrency(r.unit) && (unit_q == "bp" || unit_q == "pp") && r.metric != "revenue" &&
          !RE2::PartialMatch(re2::StringPiece(s.data() + mm.e, s.size() - mm.e), kGrowthAfter))
        r.unit = "%", r.share_of = "revenue";
      // "the provision for credit losses rose 5 basis points": an amount's change in basis points
      // is its rate's when it has one (of the loans), not its share of revenue's
      if (unit_q == "bp" && r.share_of == "revenue")
        if (const Lexicon::Entry* rate = RateOf(*mm.metric)) r.metric = rate->Name(), r.share_of.clear();
      InUnitOf(&c, r.unit, guessed);
      r.start = q.start, r.end = q.end;
      r.comparisons.push_back(std::move(c));
      out->metrics.push_back(std::move(r));
      made.emplace_back(&mm, out->metrics.size() - 1);
      rec = &out->metrics.back();
    };
    if (named && !IsNone(*named->metric)) {
      used.push_back(named);
      // (the same metric again, of the record's segment unless this sentence named that one, or
      // the name holds another: "..., an 80-point gain in the personal lines combined ratio" after
      // the commercial lines' ratio)
      const Mention* own = named_seg ? named_seg : named->text.empty() ? SegmentAfterName(st, s, named->e) : nullptr;
      const std::string& own_name = own ? own->text : named->text;
      // (nor when a basis other than the record's is named for it: "Sales grew 6%, with 4% organic growth")
      const bool other_basis = rec && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& b) {
        return b.in->kind == Kind::kBasis && b.b >= rec_end && b.e <= named->e + 1 && b.text != rec->basis;
      });
      if (rec && rec->sentence == ctx.index && rec->metric == named->metric->Name() && !other_basis &&
          (rec->segment.empty() || !NamedHere(st, rec->segment)) && (own_name.empty() || own_name == rec->segment)) {
        InUnitOf(&c, rec->unit, guessed);
        rec->comparisons.push_back(std::move(c));
      } else {
        open(*named, own);  // ("a 27% increase in orders with Brazil": the segment named after the metric)
      }
      rec_end = std::max<uint32_t>(qe, own ? std::max(named->e, own->e) : named->e);
      walk.seg_after = own && own->e > named->e;
      return;
    }
    // "Other income was a net gain of $31 million, versus a net loss of $12 million": a loss set
    // against the record's gain, right after "compared with" or "versus", is its earlier figure;
    // so is one set against revenue, "Revenue was $412 million, compared to a net loss of $96
    // million" (a bank's corporate line, whose revenue was negative: no net income is compared)
    static const RE2 kVersusLoss(R"((?i)^[\s,]*(?:(?:as\s+)?compared\s+(?:with|to)|versus|vs\.?)\s+(?:an?\s+)?$)");
    static const RE2 kGainOf(R"((?i)\bgain\s+of\s+$)");
    const uint32_t rec_b = rec && rec->start >= base ? rec->start - base : 0;
    if (rec && role == kFrom && metric_between && !seg_between && rec->sentence == ctx.index &&
        metric_between->metric->Attr("sign") == "-1" && metric_between->b >= rec_end && rec_b <= qb &&
        (rec->metric == "revenue" || RE2::PartialMatch(re2::StringPiece(s.data(), rec_b), kGainOf)) &&
        RE2::PartialMatch(re2::StringPiece(s.data() + rec_end, metric_between->b - rec_end), kVersusLoss)) {
      c.value = -std::fabs(c.value);
      InUnitOf(&c, rec->unit, guessed);
      rec->comparisons.push_back(std::move(c));
      used.push_back(metric_between);
      return;
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
      return;
    }
    // ("a net loss of $12 million, or $0.09 per share, compared to net income of $5 million": so
    // does it to the sentence's earlier record of the line in its unit, when the record is the
    // per-share amount said after it)
    if (rec && role == kFrom && metric_between && !seg_between && rec->sentence == ctx.index &&
        rec->metric != metric_between->metric->Name() && !IsNone(*metric_between->metric) &&
        rec->unit.ends_with("/share") && IsCurrency(c.unit) && std::fabs(c.value) >= 1e5)
      if (Metric* line = LastOfSentence(ctx, out, [&](Metric& r) {
            return r.metric == metric_between->metric->Name() && r.unit == c.unit && r.segment == rec->segment &&
                   r.comparisons.empty();
          })) {
        if (metric_between->metric->Attr("sign") == "-1") c.value = -std::fabs(c.value);
        line->comparisons.push_back(std::move(c));
        used.push_back(metric_between);
        rec_end = qe;  // (the line's name is used: the per-share amount after it is the record's)
        return;
      }
    if (rec && !metric_between && !seg_between && OthersGrowth(st, m, s, qb)) return;
    // "sales grew 2% as reported, and 4% excluding the costs of exited lines": a change
    // that leaves something out right after its number is the adjusted measure's, a record of its own
    if (const Mention* own = rec && !metric_between && !seg_between && role == kChange ? RightAfter(st, qb, qe) : nullptr;
        own && own->text != rec->basis) {
      again(rec->segment, own->text);
      return;
    }
    // "Fees were up $1.1 billion, or 12%, and excluding the one-time gain, were up 7%": so is a
    // change after a clause that leaves something out (not currency: a currency-neutral figure is
    // not tagged)
    static const RE2 kLeftOut(
        R"((?i)[,;]\s+(?:(?:and|but|while)\s+)?(?:excluding|ex\.|absent|adjusting\s+for)\s+([^,;]{2,80}?)(?:,\s*(?:(?:it|they)\s+)?(?:(?:was|were|is|are|would\s+have\s+been)\s+)?|\s+(?:(?:it|they)\s+)?(?:was|were|is|are|would\s+have\s+been)\s+)(?:(?:up|down|higher|lower|grew|rose|fell|declined|increased|decreased)\s+)?(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+)?$)");
    static const RE2 kCurrency(R"((?i)\b(?:currenc\w*|FX|foreign\s+exchange)\b)");
    std::string left_out;
    if (rec && !metric_between && !seg_between && role == kChange && rec->sentence == ctx.index && rec_end <= qb &&
        RE2::PartialMatch(re2::StringPiece(s.data() + rec_end, qb - rec_end), kLeftOut, &left_out) &&
        !RE2::PartialMatch(left_out, kCurrency)) {
      again(rec->segment, "adjusted");
      return;
    }
    // "During September, comps rose 4%, and in October they are up 6%": a change said after a
    // period of its own is that period's, a record of its own; so is one said before it ("up 30%
    // in Q4, 17% for the year")
    if (rec && !metric_between && !seg_between && role == kChange && rec->sentence == ctx.index) {
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kPeriod && !x.comparative && x.b >= rec_end && x.e <= qb && !x.text.empty() &&
            x.text != rec->period) {
          again(rec->segment, rec->basis);
          rec->period = x.text;
          return;
        }
      // (not an earlier year's, the change's base: "an increase of $2.86 for the third quarter of 2019")
      static const RE2 kForThe(R"((?i)^\s*(?:for|in|during)\s+(?:the\s+)?$)");
      auto year = [](const std::string& p) { return p.size() >= 4 ? std::atoi(p.c_str() + p.size() - 4) : 0; };
      if (const Mention* after = PeriodAfter(ctx, st, qe, next);
          after && !after->text.empty() && after->text != rec->period && after->b >= qe &&
          year(after->text) >= year(rec->period) && RE2::FullMatch(re2::StringPiece(s.data() + qe, after->b - qe), kForThe)) {
        again(rec->segment, rec->basis);
        rec->period = after->text;
        return;
      }
    }
    // "Canada was up 3% with housing repair up 1% and offices up 6%": the changes of
    // markets or products no segment names, said in a "with" clause after the record's own, are
    // neither the record's nor a business's (nor a line's, after a business's region: a market
    // there)
    static const RE2 kWithParts(
        R"((?i)^\s*,?\s*with\s+(?:(?:the\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}\s+(?:up|down)\s+[\d.]+%\s*,?\s*(?:and\s+)?)*(?:the\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}\s+(?:up|down)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+)?$)");
    static const RE2 kBasisWord(R"((?i)\b(?:organic\w*|underlying|comparable|core|reported|adjusted|constant|currency|sequential\w*|year|quarter)\b)");
    const bool line_in_region = seg_between && SegmentKind(seg_between->text) == "line" && rec && RegionLead(rec->segment) > 0;
    if (rec && !metric_between && (!seg_between || line_in_region) && role == kChange && rec->sentence == ctx.index &&
        rec_end <= qb) {
      re2::StringPiece gap(s.data() + rec_end, qb - rec_end);
      if (RE2::FullMatch(gap, kWithParts) && !RE2::PartialMatch(gap, kBasisWord)) return;
    }
    // "Ledger grew 11%, driven by Ledger Cloud growth of 40%", "up 5%, driven by 3% volume
    // growth": a change said in a clause naming what drove the record's is the driver's, not another
    // of the record's (not past the clause: "..., driven by demand, and was up 7% sequentially")
    if (rec && !metric_between && !seg_between && role == kChange && rec->sentence == ctx.index && rec_end <= qb &&
        DriverClause(s.substr(rec_end, qb - rec_end)) != std::string_view::npos)
      return;
    // "Product revenue grew 10%, and services 5%": the next business of a list of changes, its
    // verb left out (a line no mention holds; a region's mention is below)
    if (rec && !metric_between && !seg_between && role == kChange && rec->sentence == ctx.index && i > 0)
      if (std::string name = ChangeListName(s, ctx.quantities[i - 1].end - base, qb); !name.empty()) {
        again(name, rec->basis);
        return;
      }
    if (rec && !metric_between && !seg_between) {
      // "$9 million or $0.02 a diluted share, compared with $164 million and $0.37": an amount
      // goes to this sentence's record in its own unit, not to the per-share one
      // (and "... or $3.10 per share versus ... or $2.80 per share": a per-share amount
      // goes to the per-share record, not to the amount's)
      Metric* to = rec;
      // "$640 million or 38% of revenues, up 9%": a change in percent is the amount's, not its share's
      // (none said: a record of the amount of its own)
      if (!rec->share_of.empty() && c.type == "change" && c.unit == "%") {
        if (Metric* amount = LastOfSentence(ctx, out, [&](Metric& r) {
              return &r != rec && r.metric == rec->metric && IsCurrency(r.unit);
            }))
          to = amount;
        else if (rec->share_of == "revenue") {
          again(rec->segment, rec->basis);
          return;
        }
      }
      if ((rec->unit.ends_with("/share") && IsCurrency(c.unit) && std::fabs(c.value) >= 1e5) ||
          (IsCurrency(rec->unit) && c.unit.ends_with("/share"))) {
        to = LastOfSentence(ctx, out, [&](Metric& r) { return r.unit == c.unit; });
        if (!to) return;
      }
      // ("$310 million, or 28% of revenue, compared to $295 million": an earlier amount is the
      // amount's, not its share's)
      if (role == kFrom && !rec->share_of.empty() && IsCurrency(c.unit))
        if (Metric* amount = LastOfSentence(ctx, out, [&](Metric& r) {
              return &r != rec && r.metric == rec->metric && r.unit == c.unit && r.segment == rec->segment;
            }))
          to = amount;
      // "$4.6 billion or 92 days, up 4 days": a change in days is not the dollar amount's
      if (c.unit == "days" && to->unit != "days") return;
      // "a net loss per share of 25 cents, compared with 49 cents": an earlier level of a loss
      // said with no word of profit is a loss too
      static const RE2 kLoss(R"((?i)\bloss(?:es)?\b)");
      static const RE2 kProfit(R"((?i)\b(?:income|earnings|profit|gain|positive)\b)");
      static const RE2 kProfitAfter(R"((?i)^\s*(?:of\s+)?(?:net\s+|operating\s+)?(?:income|earnings|profit|gain)\b)");
      if (role == kFrom && c.value > 0 && to->value < 0 && (IsCurrency(to->unit) || to->unit.ends_with("/share")) &&
          RE2::PartialMatch(re2::StringPiece(s.data(), qb), kLoss) && to->sentence == ctx.index && to->end - base <= qb &&
          !RE2::PartialMatch(re2::StringPiece(s.data() + (to->end - base), qb - (to->end - base)), kProfit) &&
          !RE2::PartialMatch(re2::StringPiece(s.data() + qe, std::min<size_t>(s.size() - qe, 24)), kProfitAfter))
        c.value = -c.value;
      // ("$310 million, or 28% of revenue, compared to $295 million, or 29% of revenue, a year
      // ago": what the share's earlier level is compared as, the amount's is too)
      if (role == kFrom && i > 0 && c.unit == "%" && !to->share_of.empty() && roles[i - 1].first == kFrom &&
          ShareAfterFrom(s, ctx.quantities[i - 1].end - base, qb, qe))
        if (Metric* amount = LastOfSentence(ctx, out, [&](Metric& r) { return &r != to && r.metric == to->metric && IsCurrency(r.unit); });
            amount && !amount->comparisons.empty()) {
          Comparison& a = amount->comparisons.back();
          if (a.type == "from" && a.kind == "vs_prior" && a.period.empty()) a.kind = c.kind, a.period = c.period;
        }
      // "Headcount grew 47%, up from 42% in Q2": a percentage after an amount's change in percent,
      // as its earlier figure, is the earlier growth rate: no level of the amount, and the quarter
      // it names is not what the change is counted from (unless the change says so itself:
      // "grew 8% sequentially, up from 5%"; a year is: "growth of 3%, against 6% last year")
      if (role == kFrom && c.unit == "%" && to->unit != "%" && i > 0 && roles[i - 1].first == kChange &&
          ctx.quantities[i - 1].unit == "%") {
        static const RE2 kKindWord(R"((?i)\b(?:year|years|yoy|y/y|sequential\w*|quarter|q/q|annual\w*|prior|ago)\b)");
        const uint32_t pe = ctx.quantities[i - 1].end - base;
        if (!to->comparisons.empty() && pe <= qb &&
            !RE2::PartialMatch(re2::StringPiece(s.data() + pe, qb - pe), kKindWord))
          if (Comparison& a = to->comparisons.back(); a.type == "change" && a.unit == "%" && a.kind == c.kind && a.period == c.period &&
              (c.kind == "qoq" || c.period.starts_with("Q")))
            a.kind = "vs_prior", a.period.clear();
        return;
      }
      InUnitOf(&c, to->unit, guessed);
      to->comparisons.push_back(std::move(c));
      return;
    }
    const Mention* mm = metric_between ? metric_between : nullptr;
    if (mm && role == kChange && WhichOthers(st, s, qb)) return;  // "fees on client assets, which grew 24%"
    if (mm && IsNone(*mm->metric)) {  // "with balances up 22%": a change of something else
      rec = nullptr, rec_end = qe;
      return;
    }
    if (!mm) {
      // A record of `metric` for `seg` opened by this change, no metric named in the sentence.
      auto open_named = [&](const std::string& metric, std::string seg) {
        const Lexicon::Entry* e = metrics_->Find(metric);
        if (!e) return false;
        Metric r = New(ctx, st, e, qb, qe, next, seg_between, -1);
        r.segment = std::move(seg), r.unit = DefaultUnit(*e, st), r.start = q.start, r.end = q.end;
        // (on the basis of that metric's figure said last, just before: the regions of an organic
        // growth grew organically)
        if (r.basis.empty() && st.said_metric == metric && ctx.index - st.said_at <= 2) r.basis = st.said_basis;
        InUnitOf(&c, r.unit, guessed);
        r.comparisons.push_back(std::move(c));
        out->metrics.push_back(std::move(r));
        rec = &out->metrics.back(), rec_end = qe;
        return true;
      };
      // "Advisory revenues rose 15%. Regionally, Asia grew 20%": a region's change in a sentence
      // turning to the regions of the business the sentences before reviewed is the business's
      // metric in the region
      // (the region the subject of the change, its mention holding the verb or followed by it:
      // "Japan was up 20%", "North America was in line with builds, down 13%"; not "Europe was
      // steady against shipments that were down 4%")
      static const RE2 kRegionChanged(
          R"((?i)^\s*$|^\s*,?\s*(?:which\s+)?(?:(?:was|were|is|are)\s+)?(?:also\s+)?(?:up|down|grew|rose|increased|decreased|declined|fell|growing|declining)\s+(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+)?$|,\s+(?:up|down)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+)?$)");
      if (!rec && seg_between && role == kChange && !st.business_metric.empty() && seg_between->e <= qb &&
          RE2::PartialMatch(re2::StringPiece(s.data() + seg_between->e, qb - seg_between->e), kRegionChanged))
        if (std::string seg = OfBusiness(ctx, st, seg_between->text, qe); seg != seg_between->text)
          if (open_named(st.business_metric, std::move(seg))) return;
      // ("Asia Pacific revenue was down 2% at constant currency, while Europe grew 9%": the
      // change of another segment, said after one of the sentence's metric that a block left
      // out, is that metric's too)
      if (const Mention* bm = walk.blocked_metric; !rec && bm && seg_between && role == kChange && seg_between->b >= bm->e &&
          seg_between->e <= qb && RE2::PartialMatch(re2::StringPiece(s.data() + seg_between->e, qb - seg_between->e), kRegionChanged)) {
        open(*bm, seg_between);
        rec->segment = seg_between->text, rec_end = qe;
        return;
      }
      // ("Regionally, the Americas grew revenue 39%. ... EMEA grew 16%.", "In APAC, growth was
      // 27%": a region's change in the sentences after, no metric named, is that metric's; not a
      // region added to a group: "the BRICs plus Mexico down 5%")
      static const RE2 kPlus(R"((?i)\b(?:plus|\+)\s+$)");
      auto added = [&] { return RE2::PartialMatch(re2::StringPiece(s.data(), seg_between->name_at), kPlus); };
      if (!rec && seg_between && role == kChange && !st.regional_metric.empty() && ctx.index - st.regional_at <= kOpenerReach &&
          IsRegion(seg_between->text) && seg_between->e <= qb && !added() &&
          (RE2::PartialMatch(re2::StringPiece(s.data() + seg_between->e, qb - seg_between->e), kRegionChanged) ||
           OpensOnRegion(s.substr(0, seg_between->name_at))))
        if (open_named(st.regional_metric, seg_between->text)) return;
      // ("Organic revenue was down 2%. By geography, the US fell 3%": a sentence
      // turning to the regions, no metric named, speaks of the metric of the figure said last)
      // (the region named with its word: "the Americas region grew 5%")
      static const RE2 kRegionWord(R"((?i)^\s+regions?\b)");
      // (or in the two sentences after one that turned to them: "Product orders were flat. Let me
      // now review our geographies. The Americas, which grew 5%, led again.")
      const bool turned = TurnedToRegions(ctx, st);
      if (!rec && seg_between && role == kChange && !st.said_metric.empty() &&
          ((ctx.index - st.said_at <= 2 && (OpensRegionally(s) || RegionalClause(s))) || turned) &&
          IsRegion(seg_between->text) && seg_between->e <= qb) {
        re2::StringPiece gap(s.data() + seg_between->e, qb - seg_between->e);
        RE2::Consume(&gap, kRegionWord);
        if (RE2::PartialMatch(gap, kRegionChanged) && !added() &&
            open_named(turned ? st.changed_metric : st.said_metric, OfBusiness(ctx, st, seg_between->text, qe)))
          return;
      }
      // ("Welding organic revenue was down 2%, with Japan down 5%. Europe was down 1%.": a
      // region opening the next sentence as the subject of a change, right after a sentence that gave
      // a business's revenue in a region, is the business's revenue in that region too; not after
      // the business's alone: "Storage revenue declined 6%. Europe grew 9%." says not whose)
      if (!rec && seg_between && role == kChange && st.business_metric == "revenue" && ctx.index - st.business_at == 1 &&
          IsRegion(seg_between->text) && seg_between->name_at <= 4 && seg_between->e <= qb &&
          RE2::PartialMatch(re2::StringPiece(s.data() + seg_between->e, qb - seg_between->e), kRegionChanged))
        if (RegionLead(st.business) > 0)
          if (open_named(st.business_metric, InRegion(seg_between->text, st.business))) return;
      // ("Switching revenue declined 10%. Wireless grew 3%.": a business opening the next
      // sentence as the subject of a change, no metric named, is revenue's when the business before
      // it was given revenue; not after its orders: "Orders in Flow Control grew 11%. Automation
      // Solutions grew 4%." says nothing of which)
      // (or after a sentence that gave the whole company's revenue: "Worldwide revenue was $8.4
      // billion, up 5%. Our Cardiovascular portfolio grew 9%.")
      const bool after_revenue = (st.business_metric == "revenue" && ctx.index - st.business_at == 1) ||
                                 (st.said_metric == "revenue" && ctx.index - st.said_at == 1 && st.business_at != st.said_at);
      if (!rec && seg_between && role == kChange && after_revenue &&
          !IsRegion(seg_between->text) && seg_between->name_at <= 4 && seg_between->e <= qb &&
          RE2::PartialMatch(re2::StringPiece(s.data() + seg_between->e, qb - seg_between->e), kRegionChanged))
        if (open_named("revenue", seg_between->text)) return;
      // ("Revenue was $5 billion. That was up 10% year over year.": a change a sentence opens on with
      // "that" or "it" is of the figure the sentence before it, in the same turn, ended on: a change
      // in percent of any, in points of a rate's, in money of an amount's)
      static const RE2 kThatWas(
          R"((?i)^\W*(?:(?:and|so|now)\s+)?(?:that|it)(?:'s|\s+is|\s+was|\s+has\s+been)\s+(?:also\s+)?(?:up|down)\s+(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+over\s+)?$)");
      if (!rec && !seg_between && role == kChange && !out->metrics.empty() &&
          RE2::FullMatch(re2::StringPiece(s.data(), qb), kThatWas)) {
        Metric& last = out->metrics.back();
        const bool fits = c.unit == "%" ? last.share_of.empty()
                          : c.unit == "bp" || c.unit == "pp" ? last.unit == "%"
                                                               : IsCurrency(c.unit) && last.unit == c.unit;
        if (last.sentence + 1 == ctx.index && last.turn == ctx.turn.index && fits) {
          InUnitOf(&c, last.unit, guessed);
          last.comparisons.push_back(std::move(c));
          rec = &last, rec_end = qe;
          return;
        }
      }
      // ("What's your NII outlook for the fourth quarter?" - "We think it'll be up about 1% to 2%": the
      // change an answer opens on is of the metric its question named, AnswersQuestion)
      if (!rec && !seg_between && role == kChange)
        if (const Lexicon::Entry* asked = AnswersQuestion(ctx, st, qb, c.unit, true); asked && open_named(asked->Name(), "")) {
          const_cast<State&>(st).asked_metric.clear();
          AnswerPeriod(st, rec);
          return;
        }
      if (!rec || !seg_between) return;  // a change of nothing named
      // (not another thing's change said of the region: "Europe was steady against shipments that were down 4%")
      static const RE2 kOthersClause(R"((?i)\b[a-z]+\s+(?:that|which)\s+(?:was|were|is|are)\s+(?:up|down)\b)");
      if (seg_between->e <= qb && RE2::PartialMatch(re2::StringPiece(s.data() + seg_between->e, qb - seg_between->e), kOthersClause)) return;
      // "the US, also growing at 39%"; on a basis said right after its number, "while Wireless grew
      // 11% organically", else the record's
      const Mention* own = RightAfter(st, qb, qe);
      again(InRegion(seg_between->text, rec->segment), own ? own->text : rec->basis);
    } else {
      // "the tax rate was a benefit of 12% against an expense of 21%": an earlier level
      // in a unit the metric cannot hold is not its own (a money line's is money, or a share);
      // it is the tax rate's before it ("a benefit of 12% against an expense of 21%")
      if (role == kFrom && c.unit == "%" && Fits(*mm->metric, "%", false).empty() &&
          Fits(*mm->metric, "USD", false) == "USD") {
        const Lexicon::Entry* r = rec && rec->sentence == ctx.index && mm->b > rec_end ? metrics_->Find(rec->metric) : nullptr;
        if (r && r->Attr("benefit") == "-1" && rec->unit == "%") {
          rec->comparisons.push_back(std::move(c));
          rec_end = qe;
        }
        return;
      }
      // "leasing revenue increased, with office growing mid-teens": nor is a change of another
      // subject, said after the metric's name in a clause of its own
      if (role == kChange && !seg_between && OtherSubject(s, mm->e, qb) &&
          std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) { return x.in->kind == Kind::kMetric && x.b >= mm->e && x.e <= qb; })) {
        rec = nullptr, rec_end = qe;
        return;
      }
      // "net margin rose by $4.1 million" (a utility's margin in dollars): nor is an
      // amount of money the metric, a rate, cannot hold
      if (IsCurrency(c.unit) && Fits(*mm->metric, c.unit, false).empty() && Fits(*mm->metric, "%", false) == "%") {
        rec = nullptr, rec_end = qe;
        return;
      }
      // "raised the leverage it allows by 1 turn": nor is a plain number counting a
      // thing named after it
      static const RE2 kCounted(R"(^\s+[a-z][a-z-]*\b)");
      if (c.unit == "number" && !Scaled(s.substr(qb, qe - qb)) && Fits(*mm->metric, "number", false).empty() &&
          RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kCounted))
        return;
      open(*mm, seg_between);
    }
    rec = &out->metrics.back(), rec_end = qe;
    return;
}

// A level: which metric it is of, then a new record, or the level of the record a change opened.
void Metrics::AttachLevel(const SentenceContext& ctx, const State& st, Figure& f, Walk& walk, Tags* out) const {
  std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin;
  const size_t i = f.i;
  const Quantity& q = f.q;
  const uint32_t qb = f.qb, qe = f.qe, next = f.next;
  const std::string& unit_q = f.unit_q;
  const Mention*& seg_between = f.seg_between;
  const Mention*& metric_between = f.metric_between;
  const Mention* share_mention = f.share_mention;
  bool& share_of = f.share_of;
  Metric*& rec = walk.rec;
  uint32_t& rec_end = walk.rec_end;
  auto& made = walk.made;
  auto& used = const_cast<State&>(st).used;
  const auto& forced = st.forced;
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
      return;
    }
  }
  // A level: which metric? "$18 million of EX switch revenue" looks right; else the nearest before.
  const Mention* mm = forced[i];
  if (!mm && IsCurrency(unit_q)) {  // (or a scaled number in the call's currency: "1.2 billion of free cash flow")
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
        // (not across a period and "and": "$500 million in the quarter and buybacks were ...")
        auto period_and = [&] {
          return s.substr(qe, std::max(x.name_at, x.b) - qe).find(" and ") != std::string_view::npos &&
                 std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& p) {
                   return p.in->kind == Kind::kPeriod && p.b >= qe && p.e <= x.b;
                 });
        };
        // (nor a metric with a figure of its own after it: "$1.4 billion in the quarter on
        // revenue of $15.7 billion")
        static const RE2 kOfFigure(R"((?i)^\s+of\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+)?(?:[$€£]|US\$|\d))");
        if (RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kOfFigure)) break;
        if (((gap.starts_with(" of ") || gap.starts_with(" in ") ||
              gap.starts_with(" through ") || for_on || to_budget) &&
             gap.find(',') == std::string_view::npos && !period_and()) ||
            ((gap == " " || gap == "-") && !s.substr(x.b).starts_with("and ") &&
             !s.substr(x.b).starts_with("or ") &&
             !RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kRate)))
          mm = &x;
        break;
      }
  }
  // "a 9.1% adjusted ROTCE", "a 31% gross margin": a rate said before its name (not "10% revenue
  // growth", a change; not a share, "20% of revenue"); a goal's rate is no level ("our 25%
  // operating margin model", "a goal of 30% gross margin")
  bool rate_first = false;
  if (!mm && q.unit == "%") {
    static const RE2 kRateFirst(
        R"((?i)^\s+(?:(?:annualized|adjusted|reported|underlying|non-GAAP|GAAP|core|average|normalized)\s+)*(\S.*)$)");
    static const RE2 kChangeAfter(R"((?i)^\s+(?:growth|increase|decrease|decline|improvement|expansion|contraction|gain)\b)");
    static const RE2 kGoalAfter(R"((?i)^\s+(?:model|targets?|goals?|objectives?|ambition)\b)");
    static const RE2 kGoalOf(R"((?i)\b(?:our|goals?\s+of|targets?\s+of|objectives?\s+of|aim\s+of|commitment\s+(?:of|to))\s+(?:an?\s+)?$)");
    std::string name;
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kMetric && x.e > qe && x.e - qe <= 60) {
        if (x.metric->Attr("class").find("pct") != std::string::npos &&
            RE2::FullMatch(re2::StringPiece(s.data() + qe, x.e - qe), kRateFirst, &name) && metrics_->Find(name) == x.metric) {
          const re2::StringPiece after(s.data() + x.e, s.size() - x.e);
          if (RE2::PartialMatch(after, kGoalAfter) || RE2::PartialMatch(re2::StringPiece(s.data(), qb), kGoalOf)) {
            used.push_back(&x);
            return;
          }
          if (!RE2::PartialMatch(after, kChangeAfter)) mm = &x, rate_first = true;
        }
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
      // ("bought back 2 million shares for $90 million", "... at a total cost of $90 million": the
      // same buyback in money)
      auto priced = [&] {
        static const RE2 kFor(
            R"((?i)^\s+(?:for|at)\s+(?:a\s+total\s+of\s+|an?\s+(?:total\s+|aggregate\s+)?cost\s+of\s+|(?:a\s+)?total\s+(?:cost|consideration)\s+of\s+|approximately\s+|about\s+|roughly\s+|nearly\s+)?(?:approximately\s+|about\s+|roughly\s+|nearly\s+)?$)");
        const uint32_t pe = i > 0 ? ctx.quantities[i - 1].end - base : 0;
        return i > 0 && ctx.quantities[i - 1].unit == "shares" && IsCurrency(q.unit) && pe <= qb &&
               RE2::FullMatch(re2::StringPiece(s.data() + pe, qb - pe), kFor);
      };
      // ("Cost of sales, including traffic acquisition costs, which ..., was $4.2 billion": not a line named
      // in an aside after the metric, even one its own figure used: "Total revenue, including
      // collaboration revenue of $21 million, was $205 million")
      static const RE2 kIncluding(R"((?i),\s*including\s+(?:the\s+|our\s+)?$)");
      if (mm && !inside && s.substr(x.e, qb - x.e).find(',') != std::string_view::npos &&
          RE2::PartialMatch(re2::StringPiece(s.data(), x.b), kIncluding))
        continue;
      if (!restated && !share_of && std::find(used.begin(), used.end(), &x) != used.end() && !reached() && !priced()) {
        mm = nullptr;  // "$2 billion in cash, and generating $2 million": one level per mention
        continue;
      }
      if (share_mention && x.b >= share_mention->b && x.e <= share_mention->e) continue;
      if (InShareOf(st, x)) continue;
      // (nor one named in a relative clause after it: "Backlog, which we convert to revenue over two
      // years, was $5 billion")
      if (mm && !inside && mm->e <= x.b && InAside(s.substr(mm->e), x.b - mm->e, x.e - mm->e, qb - mm->e))
        continue;
      mm = &x;  // the last one before wins
    }
    // "net income includes $45 million of costs tied to the merger": a part of the metric, not its
    // level
    static const RE2 kIncludes(
        R"((?i)\b(?:includes?|included)\s+(?:(?:approximately|about|roughly|an?|the)\s+)?$)");
    if (mm && mm->e <= qb && !forced[i] && !share_of &&
        RE2::PartialMatch(re2::StringPiece(s.data() + mm->e, qb - mm->e), kIncludes)) {
      rec = nullptr, rec_end = qe;
      return;
    }
  }
  // "R&D as a percentage of revenue was 15%" ("... of home sale revenues"): a share said right
  // after the metric's name; so is an expense's rate, as retailers say it ("SG&A expense rate was 20.6%")
  if (mm && !share_of && q.unit == "%" && mm->e <= qb) {
    static const RE2 kAsShare(
        R"((?i)^\s+as\s+an?\s+(?:percent(?:age)?|%|share|portion)\s+of\s+(?:total\s+|net\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:revenues?|sales)\b|^\s+(?:expense\s+)?rate\s+(?:was|is|of|came\s+in\s+at)\s+(?:about\s+|approximately\s+)?$)");
    if (RE2::PartialMatch(re2::StringPiece(s.data() + mm->e, qb - mm->e), kAsShare)) share_of = true;
  }
  if (mm && IsNone(*mm->metric)) {  // "3 million subscribers": not a metric, and not the one before
    used.push_back(mm);
    rec = nullptr, rec_end = qe;
    return;
  }
  const Lexicon::Entry* metric = mm ? mm->metric : nullptr;
  // "Adjusted EBITDA was $310 million, representing a margin of 22.5%": a bare margin said after an
  // amount is that amount's margin (set off by a comma too: "Free cash flow was $142 million, a
  // margin of 26%"; and free cash flow's "conversion of 72%" is its conversion)
  static const RE2 kBareMargin(
      R"((?i)(?:,\s+|\b(?:representing|for|at|with|or|and)\s+)(?:an?\s+)?(margins?|conversion)\s+(?:of\s+)?(?:approximately\s+|about\s+|roughly\s+|nearly\s+)?$)");
  std::string amount_segment;  // (the amount's segment is its margin's: "Segment EBITDA for X was $612 million, with margins of 24.1%")
  std::string amount_basis;    // (and so is its basis: "North America EBIT-adjusted was $3.9 billion with a margin of 10.9%")
  // (or the margin named after the rate: "..., representing a 41% margin")
  static const RE2 kBareMarginFirst(R"((?i)(?:,\s+|\b(?:representing|for|at|with|or|and)\s+)an?\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+)?$)"),
      kMarginAfter(R"((?i)^\s+(margin|conversion)\b(?:\s*[,.;]|\s*$|\s+(?:for|in|and|on|this|that|which)\b))");
  std::string bare;
  if (unit_q == "%" && !share_of && rec && rec->sentence == ctx.index && IsCurrency(rec->unit) && !std::isnan(rec->value) &&
      (!metric || metric->Name() == rec->metric) &&
      (RE2::PartialMatch(re2::StringPiece(s.data(), qb), kBareMargin, &bare) ||
       (RE2::PartialMatch(re2::StringPiece(s.data(), qb), kBareMarginFirst) &&
        RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kMarginAfter, &bare)))) {
    for (const auto& [amount, rate] : bare[0] == 'c' || bare[0] == 'C' ? Rates(kConversions) : Rates(kMargins))
      if (rec->metric == amount) metric = metrics_->Find(rate), amount_segment = rec->segment, amount_basis = rec->basis;
    // (a business's sales with margins of a rate: its operating margin, "Energy Solutions sales were
    // $1.5 billion, with margins of 20.1%")
    if (!metric && rec->metric == "revenue" && !rec->segment.empty() && (bare[0] == 'm' || bare[0] == 'M'))
      metric = metrics_->Find("operating_margin"), amount_segment = rec->segment;
  }
  // "Free cash flow was $388 million, or 102% of adjusted net income": its conversion
  static const RE2 kOfNetIncome(R"((?i)^\s+of\s+(?:our\s+)?(?:(?:adjusted|non-GAAP|GAAP)\s+)?net\s+(?:income|earnings)\b)");
  if (unit_q == "%" && rec && rec->sentence == ctx.index && rec->metric == "free_cash_flow" && IsCurrency(rec->unit) &&
      !std::isnan(rec->value) && RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kOfNetIncome))
    metric = metrics_->Find("fcf_conversion"), amount_segment = rec->segment, share_of = false;
  // "In Q2, gross margin was 66%, and in Q3 it was 68%": a level of "it" in a clause of its own is
  // the record's metric again, in the record's unit
  static const RE2 kItWas(
      R"((?i)^\s*,?\s+(?:and|but|while|whereas)\s+(?:(?:(?:in|for|during|at)\s+[^,;]{1,30}?|(?:last|a)\s+(?:year|quarter)(?:\s+ago)?),?\s+)?(?:it|that)\s+(?:was|is|came\s+in\s+at|stood\s+at|reached|ended\s+at)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|just\s+over\s+|over\s+)?$)");
  // (and so is the figure a clause of its own expects, its metric left out: "Free cash flow was $52
  // million, and we expect roughly $220 million for the full year", "... and we expect it to be
  // roughly $400 million for the year")
  static const RE2 kWeExpect(
      R"((?i)^(?:\s+(?:in|for|during)\s+the\s+(?:quarter|period|half|year|first\s+half|second\s+half))?\s*,?\s+and\s+we\s+(?:now\s+|still\s+|continue\s+to\s+)?(?:expect|anticipate|forecast|project|see)\s+(?:(?:it|that|this)\s+to\s+(?:be|come\s+in\s+at|reach|total)\s+)?(?:about\s+|approximately\s+|roughly\s+|around\s+|nearly\s+|close\s+to\s+)?$)");
  if (!metric && rec && rec->sentence == ctx.index && rec->end >= base && rec_end <= qb && !std::isnan(rec->value) &&
      (unit_q == rec->unit || (IsCurrency(unit_q) && IsCurrency(rec->unit))) &&
      (RE2::FullMatch(re2::StringPiece(s.data() + rec_end, qb - rec_end), kItWas) ||
       RE2::FullMatch(re2::StringPiece(s.data() + rec_end, qb - rec_end), kWeExpect))) {
    // (said of an earlier period, "and a year ago it was $733 million", the record's earlier level)
    if (std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
          return x.in->kind == Kind::kPeriod && x.comparative && x.b >= rec_end && x.e <= qb;
        })) {
      Comparison c;
      c.type = "from", c.value = q.value, c.unit = unit_q;
      if (!std::isnan(q.low) && q.low != q.high) c.low = q.low, c.high = q.high;
      InUnitOf(&c, rec->unit, false);
      CompareKind(ctx, st, qb, qe, f.next, &c);
      rec->comparisons.push_back(std::move(c));
      rec_end = qe;
      return;
    }
    metric = metrics_->Find(rec->metric), amount_segment = rec->segment;  // (the record's line: "Royalty revenue was ...")
  }
  // "Americas revenue was $812 million, EMEA was $455 million", "Operating margin was 21% in the
  // Americas and 14% in EMEA": a region's level in a list after a level is the record's metric
  // again, the region's (in the record's unit; its segment is the one named between)
  if (!metric && rec && rec->sentence == ctx.index && rec->end >= base && rec_end <= qb && !std::isnan(rec->value) &&
      (unit_q == rec->unit || (IsCurrency(unit_q) && IsCurrency(rec->unit))) && RegionList(ctx, st, f, walk))
    metric = metrics_->Find(rec->metric);
  if (!metric && rec && (unit_q == rec->unit || (IsCurrency(unit_q) && IsCurrency(rec->unit))) &&
      PeriodList(ctx, st, f, walk))
    metric = metrics_->Find(rec->metric);
  // "automotive represented 38% of revenue, industrial 34% and consumer 11%": the shares listed
  // after a business's share are the next businesses'
  if (const Lexicon::Entry* e = !metric && rec ? metrics_->Find(rec->metric) : nullptr)
    if (std::string name = ShareList(ctx, f, *rec); !name.empty()) {
      Metric r = *rec;
      r.segment = std::move(name), r.comparisons.clear();
      SetLevel(&r, q, *e), r.approx = q.approx;
      r.start = q.start, r.end = q.end;
      out->metrics.push_back(std::move(r));
      rec = &out->metrics.back(), rec_end = qe;
      return;
    }
  // "a 12% increase in revenue, which came in at $3.1 billion": the level of the change's record,
  // made from the figure before (the comma may be left out: "in the loss ratio which was 61%"),
  // or the level it moved to ("EBITDA was $3.9 billion, and the margin expanded 50 basis points to
  // 33.1%": the margin's change, made from the amount before)
  static const RE2 kWhichWas(
      R"((?i)(?:,\s+|\s+)which\s+(?:came\s+in\s+at|was|is|stood\s+at|reached|totaled|totalled|ended\s+at)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|just\s+over\s+|over\s+)?$|^\s+to\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?$)");
  // (the amount's name before it is no other metric: "EBITDA grew 11% to $744 million, expanding
  // margin by 140 basis points to 32.5%")
  auto amounts_margin = [&] {
    const Rates rates(kMargins);
    return unit_q == "%" && std::any_of(rates.begin(), rates.end(), [&](const auto& p) {
             return p.first == metric->Name() && p.second == rec->metric;
           });
  };
  if (rec && rec->sentence == ctx.index && std::isnan(rec->value) && f.i > 0 && (!metric || amounts_margin()) &&
      ctx.quantities[f.i - 1].end == rec->end && rec->end - base <= qb &&
      RE2::PartialMatch(re2::StringPiece(s.data() + (rec->end - base), qb - (rec->end - base)), kWhichWas))
    if (const Lexicon::Entry* e = metrics_->Find(rec->metric)) {
      if (std::string u = Fits(*e, unit_q, false); !u.empty() && (u == rec->unit || rec->unit.empty())) {
        SetLevel(rec, q, *e, Before(s, qb), s.substr(qe)), rec->approx = q.approx, rec->unit = u;
        rec_end = qe;
        return;
      }
    }
  // "to back a $4 billion buyback": an amount said as the buyback's size is a program's
  if (metric && metric->canonical == "buyback" && mm->b >= qe && mm->b - qe <= 1)
    if (const Lexicon::Entry* program = metrics_->Find("buyback authorization")) metric = program;
  // a per-share amount is EPS when said with earnings ("net income of $9 million or $0.02 per
  // diluted share"), not a price ("we sold some at $697 a share")
  if (unit_q.ends_with("/share") && (!metric || metric->Attr("class").find("per_share") == std::string::npos))
    metric = (metric && metric->Attr("basis", "no") != "no") || s.find("dilut") != std::string_view::npos
                 ? metrics_->Find(metric && metric->Attr("sign") == "-1" ? "loss per share" : "eps")  // "a net loss of $12.5 million, or $0.08 per share"
                 : nullptr;
  // "inventory of $1.3 billion, or 95 days": a balance said in days is its days outstanding
  if (metric && unit_q == "days" && !metric->Attr("days").empty())
    if (const Lexicon::Entry* days = metrics_->Find(metric->Attr("days"))) metric = days;
  // "net charge-offs were 0.45% of average loans": an amount said as a percentage of a balance is
  // its rate (in basis points too: "38 basis points of average loans" is 0.38%)
  static const RE2 kOfBalance(R"((?i)^\s+of\s+(?:average\s+|total\s+|period-end\s+)?(?:loans|receivables|balances)\b)");
  Quantity in_pct;
  const Quantity* level = &q;
  // (and an amount said in basis points is its rate: "provision for credit losses was 35 basis points")
  if (metric && (unit_q == "bp" || (unit_q == "%" && RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kOfBalance))))
    if (const Lexicon::Entry* rate = RateOf(*metric)) {
      metric = rate;
      if (unit_q == "bp") in_pct = q, in_pct.value /= 100, in_pct.low /= 100, in_pct.high /= 100, level = &in_pct;
    }
  // "the PCL ratio to be between 35 and 40 basis points": a rate's level said in basis points, in
  // percent (a loss or payout rate's, basis=no: a margin's basis points are a change, "initiatives
  // contributing 100 basis points")
  if (metric && unit_q == "bp" && level == &q && metric->Attr("class") == "pct" && metric->Attr("basis") == "no")
    in_pct = q, in_pct.value /= 100, in_pct.low /= 100, in_pct.high /= 100, level = &in_pct;
  // (the line a share of revenue came from: "31% of our total revenue came from software")
  uint32_t line_end = 0;
  const std::string share_line = share_of && share_mention ? ShareFrom(s, share_mention->e, &line_end) : std::string();
  if (!metric && share_of && share_mention) {
    const Mention* seg = nullptr;
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kSegment && x.e <= qb) seg = &x;
    if (!seg && share_line.empty()) return;  // "our only customer to exceed 10% of revenue"
    metric = metrics_->Find("revenue");
  }
  // "Gross margin rose to 61.5%, while the services share was 40%, up 300 bps": a level of
  // nothing the vocabulary names, in a clause with a subject of its own, ends the record's
  // clause; a change after it is that level's
  bool answered = false;  // (the metric the question named: so is its period, when the answer names none)
  if (!metric && (!rec || rec->sentence != ctx.index))
    if (const Lexicon::Entry* asked = AnswersQuestion(ctx, st, qb, unit_q))
      metric = asked, answered = true, const_cast<State&>(st).asked_metric.clear();
  // ("Automotive revenue was $1.92 billion, up 9%, Industrial was $1.1 billion": another line of the
  // list, named in capitals as the subject of its own amount, is of the record's metric)
  std::string list_line;
  if (!metric && rec && rec->sentence == ctx.index && !rec->segment.empty() && IsCurrency(unit_q) && IsCurrency(rec->unit) &&
      rec->end >= base && rec->end - base < qb)
    list_line = LineInList(s.substr(rec->end - base, qb - (rec->end - base)), ctx.text);
  if (!list_line.empty() && Lower(list_line) != Lower(rec->segment)) metric = metrics_->Find(rec->metric);
  if (!metric) {
    static const RE2 kOwnSubject(
        R"((?i),\s+(?:while|whereas|but|and)\s+(?:our\s+|the\s+|its\s+)?[\w\s&-]*?\b(?:was|were|is|are|stood|came\s+in|ended|finished|reached)\s+(?:at\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?$)");
    if (rec && rec->sentence == ctx.index && rec->end >= base && rec->end - base <= qb &&
        RE2::PartialMatch(re2::StringPiece(s.data() + (rec->end - base), qb - (rec->end - base)), kOwnSubject))
      rec = nullptr, rec_end = qe;
    return;
  }
  // "a range of $4.10 to $4.30 per share, or $4.20 at the midpoint": the range restated
  if (rec && rec->metric == metric->Name() && !std::isnan(rec->low) && rec->low != rec->high &&
      q.value >= rec->low && q.value <= rec->high &&
      MidpointAfter(s.substr(qe)))
    return;
  // ("Marketing expense as a percent of revenue fell 120 basis points to 9.4%": the
  // share its change's record is of)
  const bool share_rec = rec && std::isnan(rec->value) && rec->sentence == ctx.index && !rec->share_of.empty() &&
                         rec->metric == metric->Name() && unit_q == "%";
  std::string unit = level != &q ? "%" : Fits(*metric, unit_q, share_of || share_rec);
  // "Diluted share count was about 412 million": a count of shares said without the word
  if (unit.empty() && q.unit == "number" && std::fabs(q.value) >= 1e5 && Fits(*metric, "shares", false) == "shares" &&
      Fits(*metric, "USD", false).empty())
    unit = "shares";
  // "Our nitrogen segment's gross margin was $276 million": a gross or operating margin said to be an
  // amount is that profit (not a utility's "net margin", revenue less the cost of gas, nor an
  // amount said of it another way: "an increase in gross margin of $5 million")
  static const RE2 kMarginIs(
      R"(^\s*(?:was|were|of|totaled|totalled|came\s+in\s+at|reached|(?:grew|rose|increased|improved)\s+to)\s+(?:approximately\s+|about\s+|roughly\s+)?$)");
  if (unit.empty() && IsCurrency(unit_q) && level == &q && mm && mm->e <= qb &&
      (metric->Name() == "gross_margin" || metric->Name() == "operating_margin") &&
      RE2::FullMatch(re2::StringPiece(s.data() + mm->e, qb - mm->e), kMarginIs) &&
      (mm->b < 14 || !RE2::PartialMatch(re2::StringPiece(s.data() + mm->b - 14, 14), R"((?i)\b(?:in|on)\s+$)")) &&
      std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {  // (nor one of two: "Revenue and operating margin were")
        return x.in->kind == Kind::kMetric && &x != mm && x.e <= mm->b && mm->b - x.e <= 6;
      }))
    if (const Lexicon::Entry* e = metrics_->Find(metric->Name() == "gross_margin" ? "gross_profit" : "operating_income"))
      metric = e, unit = Fits(*e, unit_q, share_of);
  if (unit.empty()) return;
  // "our quarterly dividend to $0.29": a small amount of a line said both ways, without a scale, is per share
  if (IsCurrency(unit) && std::fabs(q.value) < 50 && metric->Attr("class").find("per_share") != std::string::npos &&
      !Scaled(s.substr(qb, qe - qb)))
    unit += "/share";
  // "reduced debt by $365 million, including $200 million of our credit line and $165 million of
  // senior notes": parts of the record's figure, not levels of its metric (but "capex of $2.2 billion,
  // including $190 million of maintenance capex" is a figure of its own)
  static const RE2 kPartsOf(R"((?i)(?:,|\(|—|–|\s-)\s*(?:including|of\s+which|which\s+included)\s)");
  if (rec && rec->metric == metric->Name() && rec->sentence == ctx.index && rec->end - base <= qb && !metric_between && !seg_between &&
      RE2::PartialMatch(re2::StringPiece(s.data() + (rec->end - base), qb - (rec->end - base)), kPartsOf))
    return;
  // Fill a record opened by a change or an earlier level: "from $10 million to over $20 million"
  // (not an amount's record with a share: "Product revenues grew 9%, representing 71% of revenue").
  // (nor the same metric named again for another line: "Cloud revenue fell 2% and services
  // revenue was $80 million")
  // (nor a level reached later: "D&A should fall some $6 million in Q2 and then settle at $9.5 million in Q3")
  // (nor one reached after a change said on another basis right after it, "sales grew 7%
  // organically to $3.1 billion": the level is as reported, a record of its own)
  auto other_basis_between = [&] {
    return rec->sentence == ctx.index && rec->end >= base && rec->end - base <= qb &&
           std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
             return x.in->kind == Kind::kBasis && x.in->right_after && !x.text.empty() && x.e > rec->end - base && x.e <= qb;
           });
  };
  if (rec && std::isnan(rec->value) && rec->metric == metric->Name() && !seg_between && (!mm || !metric_between || metric_between == mm) &&
      !(share_of && unit == "%" && IsCurrency(rec->unit)) &&
      // (a line's metric named before the record's change, by an earlier figure, is no other line:
      // "Automotive revenue was $1.92 billion, and Mobile was down 14% to $410 million")
      !(mm && !mm->text.empty() && mm->text != rec->segment &&
        (rec->sentence != ctx.index || rec->start < base || mm->b + base >= rec->start)) &&
      !(rec->sentence == ctx.index && rec->end >= base && ThenBetween(s, rec->end - base, qb)) && !other_basis_between() &&
      // (nor a change on a basis, then the level of the metric named again: "delivered organic growth
      // of 8%, with sales of $1.8 billion" is a reported level)
      !(rec->sentence == ctx.index && !rec->basis.empty() && mm && mm->b + base >= rec->end && mm->e <= qb &&
        s.substr(mm->e, qb - mm->e).starts_with(" of "))) {
    SetLevel(rec, *level, *metric, Before(s, qb), s.substr(qe)), rec->approx = q.approx, rec->unit = unit;
    rec->start = q.start, rec->end = q.end;
    if (const Mention* per = PeriodAfter(ctx, st, qe, next)) rec->period = per->text;  // "... to 22% in 2020"
    // (and a change in the currency alone is per share when the level is: "The dividend increased
    // $0.02 to $0.50 per share")
    for (auto& c : rec->comparisons)
      if (c.unit == "number" || (unit == c.unit + "/share" && std::fabs(c.value) < 1000)) c.unit = unit;
    rec_end = qe;
    return;
  }
  // "a 9.1% return on equity for general insurance": a metric said after its number, then the
  // segment it is of
  const Mention* seg_after = mm && mm->b >= qe && mm->text.empty() && !seg_between ? SegmentAfterName(st, s, mm->e) : nullptr;
  Metric r = mm && mm->metric == metric ? New(ctx, st, *mm, qb, qe, next, seg_between ? seg_between : seg_after)
                                        : New(ctx, st, metric, qb, qe, next, seg_between);
  // "Americas revenue was $640 million, and EMEA was 31% of revenue": a share of a metric an
  // earlier figure used is of the segment named since
  if (share_of && mm && !mm->text.empty() && seg_between && seg_between->b >= mm->e &&
      std::find(used.begin(), used.end(), mm) != used.end())
    r.segment = seg_between->text;
  SetLevel(&r, *level, *metric, Before(s, qb), s.substr(qe)), r.approx = q.approx, r.unit = unit;
  // "Net income was a loss of $12 million, or $0.08 per share": the per-share amount restated
  // after a loss is a loss too
  if (restated && unit.ends_with("/share") && rec && rec->sentence == ctx.index && rec->value < 0 && r.value > 0 &&
      IsCurrency(rec->unit)) {
    r.value = -r.value;
    if (!std::isnan(r.low)) std::tie(r.low, r.high) = std::make_pair(-r.high, -r.low);
  }
  // A reference period right before the metric's name is the level's own: said as its name's
  // qualifier ("a bit under our full-year planned tax rate of 19%", the period read as the
  // figure's; not "against last year for a gross margin of 38%"), or as the time "when"
  // ("a gain of three points on the second quarter of last year, when costs were 51.2% of
  // sales", that earlier period)
  static const RE2 kQualifies(R"((?i)^(?:'s)?\s+(?:(?:expected|reported|estimated|projected|planned|guided)\s+)?$)");
  static const RE2 kWhenThen(R"((?i)^\s*,?\s+when\s+(?:our\s+|the\s+|total\s+)*$)");
  // (the gap runs to the metric's name, not to its mention's start: "9% a year ago and free cash
  // flow was $31 million", a mention opening on "and", is no qualifier)
  for (const Mention& x : st.ms) {
    const uint32_t name = mm ? std::max(mm->b, mm->name_at) : 0;
    if (!mm || x.in->kind != Kind::kPeriod || !x.comparative || x.e > name || name - x.e > 24) continue;
    re2::StringPiece gap(s.data() + x.e, name - x.e);
    const std::string& own = x.own.empty() ? x.text : x.own;
    if (!x.in->ref && !own.empty() && mm->e <= qb && qb - mm->e <= 8 && RE2::FullMatch(gap, kQualifies)) r.period = own;
    else if (!x.text.empty() && RE2::FullMatch(gap, kWhenThen)) r.period = x.text;
  }
  // (of what: revenue, or what the share's rule names, "4.9% of gross bookings": of=bookings)
  if (share_of && metric->Attr("class").find("money") != std::string::npos)
    r.share_of = share_mention && !share_mention->in->of.empty() ? share_mention->in->of.front() : "revenue";
  // (the line's share; the line's name is the record's)
  if (metric->Name() == "revenue" && !share_line.empty()) r.segment = share_line;
  else line_end = 0;
  // "operating income in TBU was $57 million or 11% of revenue": the same mention restated
  // in another unit is the same line's
  // (a figure only the whole company has, not when the line's segment came from a sentence before:
  // "Homebuilding gross margin was 22.4%. Net income was $298 million, or $3.12 per diluted share")
  auto named_here = [&](const std::string& seg) {
    return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) { return x.in->kind == Kind::kSegment && x.text == seg; });
  };
  if (mm && !seg_between)
    for (const auto& [from, k] : made)
      if (from == mm && !out->metrics[k].segment.empty() &&
          (metric->Attr("level") != "company" || named_here(out->metrics[k].segment)))
        r.segment = out->metrics[k].segment;
  // ("Europe operating income rose 12% to $210 million, a 6.1% operating margin": so is a
  // rate said after the record's figure)
  // (not one naming its own after it: "..., and a 13.5% return on equity for life and retirement")
  // (nor after a record whose segment was named after its metric: "a 9.1% return on equity for
  // general insurance, and a 7.7% return on equity overall")
  if (rate_first && rec && rec->sentence == ctx.index && !seg_between && mm->text.empty() && !rec->segment.empty() && !seg_after &&
      !walk.seg_after)
    r.segment = rec->segment;
  if (r.segment.empty() && !seg_between) r.segment = amount_segment;
  if (!list_line.empty()) r.segment = list_line;
  if (r.basis.empty()) r.basis = amount_basis;
  if (answered) AnswerPeriod(st, &r);
  r.start = q.start, r.end = q.end;
  out->metrics.push_back(std::move(r));
  // (a metric named after the number is the record's too: "$2.1 billion in revenue, a 12% increase")
  rec = &out->metrics.back(), rec_end = mm && mm->b >= qe ? std::max<uint32_t>(qe, mm->e) : qe;
  rec_end = std::max(rec_end, line_end);
  // (and so is the segment named after it: "a 9.1% return on equity for general insurance, and a
  // 13.5% return ..." leaves the next figure none)
  walk.seg_after = seg_after && rec->segment == seg_after->text;
  if (walk.seg_after) rec_end = std::max(rec_end, seg_after->e);
  if (mm) used.push_back(mm), made.emplace_back(mm, out->metrics.size() - 1);
}

void Metrics::Attach(const SentenceContext& ctx, const Matches& m, const State& st, Tags* out) const {
  std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin;
  Walk walk;
  uint32_t& rec_end = walk.rec_end;
  uint32_t& after_end = walk.after_end;
  bool& blocked_prev = walk.blocked_prev;
  const size_t nq = ctx.quantities.size();
  Roles(ctx, st);
  const auto& roles = st.roles;
  auto& used = const_cast<State&>(st).used;
  const auto& region_after = st.region_after;
  auto& forced = const_cast<State&>(st).forced;
  Respectively(ctx, st, &forced, &const_cast<State&>(st).slot);
  size_t range_end = nq;  // the second end of an earlier range read with its first (below)
  static const RE2 kFrontedShare(
      R"((?i)^\W*as\s+an?\s+(?:percent(?:age)?|%|share)\s+of\s+(?:total\s+|net\s+|our\s+)*(?:revenues?|sales)\s*,)");
  const bool fronted_share = (s.starts_with("As") || s.starts_with("as")) &&
                             RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kFrontedShare);
  for (size_t i = 0; i < nq; ++i) {
    const Quantity& q = ctx.quantities[i];
    if (q.unit == "fraction" || i == range_end) continue;
    uint32_t qb = q.start - base, qe = q.end - base;
    // "$0.97 and $0.96 per share": the per-share words of a pair's second amount are the first's too
    std::string unit_q = q.unit;
    if (unit_q == "number" && std::fabs(q.value) >= 1e6 && Scaled(s.substr(qb, qe - qb)))
      if (std::string cur = st.Currency(); !cur.empty()) unit_q = cur;  // "9.8 billion" in a US dollar call
    // "an interim dividend of 62 cents per share" in a call in Australian dollars: its cents
    // (not "60 US cents")
    if (unit_q.starts_with("USD") && s.substr(qb, qe - qb).find("cent") != std::string_view::npos &&
        s.substr(qb, qe - qb).find('$') == std::string_view::npos && s.substr(qb, qe - qb).find("US") == std::string_view::npos)
      if (std::string cur = st.Currency(); !cur.empty() && cur != "USD" && cur != "GBP") unit_q = cur + unit_q.substr(3);
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
    // (and so is one joined to a blocked one by "and": "outlook range for EBITDA of $80 million and 27% of revenue";
    // or its earlier size, in its unit, no record open: "4.6 points of the combined ratio, compared to 6.1
    // points last year"; not "Revenue was $5 billion, including a $200 million benefit, compared with ...")
    const bool joined = i > 0 && blocked_prev &&
                        (AndBetween(ctx, i - 1) || (roles[i].first == kFrom && q.unit == ctx.quantities[i - 1].unit &&
                                                    !walk.rec));
    blocked_prev = false;
    if (joined || Blocked(st, s, i == 0 ? 0 : ctx.quantities[i - 1].end - base, qb, qe, q.unit)) {
      blocked_prev = true;
      // "Trailing 12 month free cash flow was $1.84 billion, compared with $1.79 billion": the
      // blocked value used up the metric named before it, so what follows is not that metric's either
      // (the value said right after the metric, no comma between: not "revenue, which is now 86% of")
      if (auto said = std::find_if(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
            return x.in->kind == Kind::kMetric && x.b >= rec_end && x.e <= qb && qb - x.e <= 16 &&
                   s.substr(x.e, qb - x.e).find(',') == std::string_view::npos;
          });
          said != st.ms.end())
        rec_end = qe, walk.blocked_metric = roles[i].first == kChange && !IsNone(*said->metric) ? &*said : nullptr;
      // so is a metric said inside it ("68,000 employees volunteered 1.5 million hours")
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kMetric && x.b >= qb && x.e <= qe) used.push_back(&x);
      continue;
    }
    FigureRole role = static_cast<FigureRole>(roles[i].first);
    int sign = roles[i].second;
    // Metric and segment mentions since the current record began.
    const Mention* seg_between = nullptr;
    const Mention* metric_between = nullptr;
    // (nor the balance a rate is of: "0.38% of average loans, up 5 basis points")
    static const RE2 kOfBalance(R"((?i)^\s+of\s+(?:average\s+|total\s+|period-end\s+)?$)");
    for (const Mention& x : st.ms) {
      if (x.b < rec_end || x.e > qb) continue;
      // not a name inside "23% of total advertising revenues": what the share is of
      if (x.in->kind == Kind::kSegment && x.b >= after_end && !InShareOf(st, x) && !Deferred(s, x.name_at) &&
          !WhereDone(s, x, qb))
        seg_between = &x;
      if (x.in->kind == Kind::kMetric && !InShareOf(st, x) &&
          !(IsNone(*x.metric) && RE2::FullMatch(re2::StringPiece(s.data() + rec_end, x.b - rec_end), kOfBalance)) &&
          !OtherAntecedent(ctx, x.e, qb))
        metric_between = &x;
    }
    // "EMEA was up 6% in terms of revenue": a change with no metric before it, of the one named
    // right after it (a byte search first: this runs for every change with no metric named)
    if (!metric_between && role != kLevel && s.substr(qe, 48).find("erms") != std::string_view::npos)
      for (const Mention& x : st.ms) {
        static const RE2 kInTermsOf(
            R"((?i)^\s*,?\s*(?:(?:year[\s-]+(?:over|on)[\s-]+year|sequentially)\s+)?in\s+terms\s+of\s+(?:our\s+|the\s+|total\s+)?$)");
        if (x.in->kind == Kind::kMetric && x.b >= qe && x.b - qe <= 40 &&
            RE2::FullMatch(re2::StringPiece(s.data() + qe, x.b - qe), kInTermsOf))
          metric_between = &x;
      }
    // "Cash grew, and we added $500 million of inventory", "we added $300 million of net debt":
    // a change said as an amount of a metric named right after it is that metric's (not cents:
    // "fuel dropped roughly $0.04 of earnings" is a per-share effect)
    if (role == kChange && IsCurrency(q.unit) && std::fabs(q.value) >= 1000 && s.substr(qe, 4) == " of ")
      for (const Mention& x : st.ms) {
        static const RE2 kOfMetric(R"((?i)^\s+of\s+(?:net\s+|new\s+|additional\s+|incremental\s+|long-term\s+)?$)");
        if (x.in->kind == Kind::kMetric && x.b >= qe && x.b - qe <= 24 && !IsNone(*x.metric) &&
            RE2::FullMatch(re2::StringPiece(s.data() + qe, std::max(x.b, x.name_at) - qe), kOfMetric)) {
          metric_between = &x, seg_between = nullptr;
          break;
        }
      }
    if (const Mention* after = region_after[i]) seg_between = after, after_end = after->e;
    // (or, for every rate of the sentence, at its opening: "As a percentage of net sales, SG&A was 20.1%")
    bool share_of = fronted_share && q.unit == "%";
    const Mention* share_mention = nullptr;
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kShareOf && x.b >= qe && x.b - qe <= 2 && q.unit == "%") share_of = true, share_mention = &x;

    Figure f{i, q, qb, qe, next, unit_q, role, sign, seg_between, metric_between, share_mention, share_of};
    if (role != kLevel) AttachChange(ctx, m, st, f, walk, out);
    else AttachLevel(ctx, st, f, walk, out);
    if (role == kFrom && PriorRange(ctx, walk.rec, i)) range_end = i + 1;
  }
  Flat(ctx, st, out);
  SentencePairs(ctx, out);
  BasisPairs(ctx, out);
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

// Two records the sentence made one after the other (`a`, then `b`), and what is said between them:
// "Total revenues were RMB 23.4 billion, or US$3.3 billion, an increase of 12%": a figure said
// again in another currency right after it, the change said after both is the first's too;
// "International revenue grew 2.9% to $4.6 billion, with an adjusted operating margin of 15.0%": a
// margin said in a "with" clause right after a business's figure is the business's.
void Metrics::SentencePairs(const SentenceContext& ctx, Tags* out) {
  static const RE2 kOr(R"(^\s*,?\s*(?:or|\(|,)\s*(?:approximately\s+|about\s+)?$)");
  // (a change of the level's may come between: "International segment revenue was $4.6 billion,
  // up 1.9%, with an operating margin of 12.9%")
  static const RE2 kWith(
      R"((?i)^(?:\s*,\s*(?:up|down)\s+[\d.]+\s*%(?:\s+(?:year[\s-]+over[\s-]+year|sequentially))?)?\s*,?\s+with\s+(?:an?\s+)?(?:[\w-]+\s+){1,4}?(?:of|at)\s+(?:about\s+|approximately\s+|roughly\s+)?$)");
  const uint32_t base = ctx.sentence.begin;
  for (size_t k = out->metrics.size(); k-- > 1;) {
    Metric& b = out->metrics[k];
    Metric& a = out->metrics[k - 1];
    if (b.sentence != ctx.index || a.sentence != ctx.index || b.turn != a.turn) break;
    if (a.end > b.start || a.end < base) continue;
    const re2::StringPiece between(ctx.text.data() + (a.end - base), b.start - a.end);
    if (a.metric == b.metric && a.period == b.period && a.unit != b.unit && IsCurrency(a.unit) && IsCurrency(b.unit) &&
        !std::isnan(a.value) && !std::isnan(b.value) && a.comparisons.empty() && RE2::FullMatch(between, kOr))
      for (const Comparison& c : b.comparisons)
        if (c.type == "change" && c.unit == "%") a.comparisons.push_back(c);
    if (b.segment.empty() && !a.segment.empty() && b.unit == "%" && b.metric.ends_with("margin") && RE2::FullMatch(between, kWith))
      b.segment = a.segment;
  }
}

// "GAAP and adjusted EPS were $1.78 and $1.80, respectively": two bases named before one metric and
// two figures after it: the first figure is the first basis's, the second a record of the second's.
void Metrics::BasisPairs(const SentenceContext& ctx, Tags* out) {
  const std::string_view s = ctx.text;
  if (s.find("respectively") == std::string_view::npos) return;
  static const RE2 kPair(
      R"((?i)\b(GAAP|non-GAAP|adjusted|reported)\s+and\s+(GAAP|non-GAAP|adjusted|reported)\s+(?:[\w-]+\s+){1,4}?(?:were|was|of|came\s+in\s+at|totaled)\s+$)");
  static const RE2 kRespectively(R"((?i)^\s*(?:per\s+(?:diluted\s+)?share\s*)?,?\s*respectively\b)");
  auto canon = [](std::string b) {
    std::transform(b.begin(), b.end(), b.begin(), [](unsigned char c) { return std::tolower(c); });
    return b == "gaap" ? std::string("GAAP") : b == "non-gaap" ? std::string("non-GAAP") : b == "reported" ? std::string() : b;
  };
  const uint32_t base = ctx.sentence.begin;
  const auto& qs = ctx.quantities;
  for (size_t i = 0; i + 1 < qs.size(); ++i) {
    const Quantity &a = qs[i], &b = qs[i + 1];
    const uint32_t ab = a.start - base, ae = a.end - base, bb = b.start - base, be = b.end - base;
    std::string b1, b2;
    if (a.unit != b.unit || s.substr(ae, bb - ae) != " and " ||
        !RE2::PartialMatch(re2::StringPiece(s.data() + be, s.size() - be), kRespectively) ||
        !RE2::PartialMatch(re2::StringPiece(s.data(), ab), kPair, &b1, &b2) || canon(b1) == canon(b2))
      continue;
    auto of = [&](const Quantity& q) {
      return std::find_if(out->metrics.begin(), out->metrics.end(),
                          [&](const Metric& r) { return r.sentence == ctx.index && r.turn == ctx.turn.index && r.start == q.start; });
    };
    auto r = of(a);
    if (r == out->metrics.end() || of(b) != out->metrics.end()) continue;
    Metric second = *r;
    second.value = b.value, second.approx = b.approx;
    second.low = b.range ? b.low : NAN, second.high = b.range ? b.high : NAN;
    second.start = b.start, second.end = b.end, second.comparisons.clear();
    r->basis = canon(b1), second.basis = canon(b2);
    out->metrics.insert(r + 1, std::move(second));
  }
}

// "raising our guidance to $1.30 billion to $1.33 billion, from $1.22 billion to $1.27 billion": a
// range's earlier level said as a range ("from A to B" after a range is no move from A to B) is
// one comparison, low to high (Attach then skips B). True when it made one.
bool Metrics::PriorRange(const SentenceContext& ctx, Metric* rec, size_t i) {
  const auto& qs = ctx.quantities;
  if (!rec || std::isnan(rec->low) || rec->low == rec->high || rec->comparisons.empty() || i + 1 >= qs.size()) return false;
  Comparison& c = rec->comparisons.back();
  const Quantity &a = qs[i], &b = qs[i + 1];
  // (the per-share words said once after both: "from $9.30 to $9.40 per share")
  if (c.type != "from" || c.Range() || c.value != a.value || (b.unit != a.unit && b.unit != a.unit + "/share") ||
      (!std::isnan(b.low) && b.low != b.high) || b.value <= a.value)
    return false;
  static const RE2 kFrom(R"((?i)\bfrom\s+(?:(?:our|the)\s+(?:prior|previous|earlier)\s+(?:range\s+of\s+|guidance\s+of\s+)?)?$)"), kTo(R"(^\s*(?:to|-|–)\s*$)");
  const std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin, ab = a.start - base, ae = a.end - base, bb = b.start - base;
  if (!RE2::PartialMatch(re2::StringPiece(s.data() + (ab > 48 ? ab - 48 : 0), ab > 48 ? 48 : ab), kFrom) ||
      !RE2::FullMatch(re2::StringPiece(s.data() + ae, bb - ae), kTo))
    return false;
  c.low = a.value, c.high = b.value, c.value = (a.value + b.value) / 2;
  return true;
}

// "Services revenue of $212 million was flat year over year", "came in at $610 million, roughly
// flat from the second quarter": no number of change, a change of zero, for the level said last
// before it in the clause (not another metric's: "revenue of $5 billion, with margins flat";
// not a level that already has a change)
void Metrics::Flat(const SentenceContext& ctx, const State& st, Tags* out) const {
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
    // ("sales were $1.5 billion, flat on an organic basis": a change on a basis of its own is a record
    // of its own, as "up 3% on an organic basis" is)
    auto basis_after = std::find_if(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
      return x.in->kind == Kind::kBasis && !x.text.empty() && x.text != r->basis && x.b >= f.e && x.b - f.e <= 1;
    });
    if (!at && basis_after != st.ms.end()) {
      Metric own = *r;
      own.value = own.low = own.high = NAN, own.approx = false, own.basis = basis_after->text;
      own.comparisons = {std::move(c)};
      out->metrics.push_back(std::move(own));
      continue;
    }
    r->comparisons.push_back(std::move(c));
  }
}


// The business a list's next clause names in capitals as the subject of an amount, the text
// between the record's figure and the amount being `gap` (", and Industrial Systems was "); "" if
// none, or a word that names no business ("and Q3 was", "and Revenue was").
std::string Metrics::LineInList(std::string_view gap, std::string_view sentence) const {
  static const RE2 kLine(
      R"((?:,|\band)\s+(?:(?i:the|our)\s+)?((?-i:[A-Z][\w&.'-]*)(?:\s+(?-i:[A-Z&][\w&.'-]*)){0,4})\s+(?i:was|were|came\s+in\s+at|totaled|totalled|reached)\s+(?i:about\s+|approximately\s+|roughly\s+|nearly\s+)?$)");
  re2::StringPiece name;
  if (gap.size() > 120 || !RE2::PartialMatch(re2::StringPiece(gap.data(), gap.size()), kLine, &name)) return {};
  const std::string_view n(name.data(), name.size());
  static const RE2 kPeriodWord(R"((?i)^(?:Q[1-4]|H[12]|FY\S*|(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December)\b)");
  if ((notnames_ && notnames_->Find(n.substr(0, n.find(' ')))) || metrics_->Find(n) ||
      metrics_->Find(n.substr(n.find_last_of(' ') + 1)) || RE2::PartialMatch(name, kPeriodWord))
    return {};
  return Segment(n, sentence);
}

}  // namespace callscope::rules::metrics_detail
