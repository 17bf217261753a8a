// Guidance module: each figure of a forward-looking clause made a Guidance, with its metric, basis,
// qualifier, revision and prior values, a growth rate's metric, and duplicates dropped.
#include "rules/modules/guidance/guidance.h"

#include <tuple>

namespace callscope::rules::guidance_detail {

// "$2.0 billion to $2.2 billion, or $2.1 billion at the midpoint": a range this sentence gave, restated
bool GuidanceModule::Midpoint(std::string_view text, const Quantity& q, uint32_t qe, const Tags& out, size_t first) {
  if (!MidpointAfter(text.substr(qe))) return false;
  for (size_t i = first; i < out.guidance.size(); ++i) {
    const Guidance& g = out.guidance[i];
    if (g.low < g.high && q.value >= g.low && q.value <= g.high) return true;
  }
  return false;
}

// "capex near $450 million, far below our D&A run rate of roughly $600 million": a figure an item
// said before it in the sentence is measured against is no guidance (unless it is a target
// itself: "well above our long-term target of 6% annual EPS growth")
bool GuidanceModule::MeasuredAgainst(const SentenceContext& ctx, const Quantity& q, const Tags& out, size_t first) {
  static const RE2 kAgainst(
      R"((?i)\b(?:below|above|than|versus|vs\.?)\s+(?:our|the|its)\s+((?:[\w&-]+\s+){1,6}?)(?:of|at)\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|nearly\s+)?$)");
  static const RE2 kTarget(R"((?i)\b(?:targets?|goals?|aspirations?|algorithm|model|guidance|outlook)\b)");
  const uint32_t qb = q.start - ctx.sentence.begin, from = qb > 90 ? qb - 90 : 0;
  re2::StringPiece words;
  return out.guidance.size() > first &&
         RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, qb - from), kAgainst, &words) &&
         !RE2::PartialMatch(words, kTarget);
}

std::string_view GuidanceModule::StripSubject(std::string_view t) {
  static const RE2 kSubject(
      R"((?i)^\W*(?:this|that|these|which|the\s+(?:guidance|outlook|range|forecast)|our\s+(?:guidance|outlook))\s+(?:also\s+)?)");
  re2::StringPiece sp(t.data(), t.size());
  if (RE2::Consume(&sp, kSubject)) return std::string_view(sp.data(), sp.size());
  return t;
}

const Quantity* GuidanceModule::QuantityAt(const SentenceContext& ctx, uint32_t start) {
  for (const Quantity& q : ctx.quantities)
    if (q.start == start) return &q;
  return nullptr;
}

// Is `pos` inside a clause naming what drove a figure ("..., driven by fee growth of 9%")?
bool GuidanceModule::InDriver(std::string_view text, uint32_t pos) {
  return DriverClause(text.substr(0, pos)) != std::string_view::npos;
}

std::string GuidanceModule::Basis(const State& st, const Reading& r, const std::string& metric, uint32_t qb) const {
  const Mention* before = nullptr;
  const Mention* after = nullptr;
  for (const Mention* x : r.mentions) {
    if (x->kind != Kind::kBasis || InDriver(r.text, x->b)) continue;
    if (x->b < qb) before = x;
    else if (!after) after = x;
  }
  std::string base = metric.ends_with("_growth") ? metric.substr(0, metric.size() - 7) : metric;
  // (a metric named within `slack` bytes after basis mention b begins, or inside it, whose name
  // `pred` accepts: "NII ex. Markets", "adjusted EBITDA")
  auto metric_named = [&](const Mention* b, uint32_t slack, auto pred) {
    return std::any_of(r.mentions.begin(), r.mentions.end(), [&](const Mention* y) {
      if (y->kind != Kind::kMetric || y->b < b->b || y->b > b->e + slack) return false;
      const Lexicon::Entry* n = metrics_->Find(r.text.substr(y->b, y->e - y->b));
      return n && pred(n->Name());
    });
  };
  // (an amount of no usual basis, capex, takes one only said right before its name: not "adjusted
  // EPS growth in the high single digits and capital expenditures of C$3.4 billion"; a share count
  // said with non-GAAP EPS is the non-GAAP count)
  const Lexicon::Entry* entry = metrics_->Find(base);
  if (before && entry && entry->Attr("basis", "no") == "no" && entry->Attr("class").starts_with("money") &&
      !metric_named(before, 1, [&](const std::string& name) { return name == base; }))
    before = nullptr;
  if (before) return before->m->rule->Attr("basis");
  // "EPS of $1.20 on a non-GAAP basis": after the value, close and in the same clause (not the
  // basis of another metric named right after it: "sales 3% to 5% and non-GAAP EPS").
  // (right after it, or holding it: "adjusted EBITDA" is one name in the vocabulary)
  auto of_other = [&](const Mention* b) { return metric_named(b, 2, [&](const std::string& name) { return name != base; }); };
  if (after && after->b - qb <= 40 && r.Clause(after->b) == r.Clause(qb) && !of_other(after))
    return after->m->rule->Attr("basis");
  // Carried only to metrics that have a basis and are stated as rates or per share (revenue,
  // counts and cash amounts are rarely non-GAAP).
  if (entry && entry->Attr("basis") == "yes" && (entry->Attr("class") == "pct" || entry->Attr("class") == "per_share"))
    return st.basis;
  return {};
}

// The first rule of a kind matching the text after the value, else the text before it.
const Rule* GuidanceModule::Beside(std::string_view text, uint32_t qb, uint32_t qe, Kind kind) const {
  auto it = beside_.find(kind);
  if (it == beside_.end()) return nullptr;
  if (const Rule* r = it->second.first.First(text.substr(qe, 40), text)) return r;
  return it->second.second.First(Before(text, qb), text);
}

bool GuidanceModule::Skipped(std::string_view text, uint32_t qb, uint32_t qe, bool growth) const {
  std::string_view after = text.substr(qe, 40);
  return skip_after_.First(after, text) || (growth && skip_after_growth_.First(after, text)) ||
         skip_before_.First(Before(text, qb), text) || skip_sentence_.First(text.substr(0, qb), text);
}

std::string GuidanceModule::Qualifier(std::string_view text, uint32_t qb, uint32_t qe, bool approx) const {
  if (const Rule* rule = Beside(text, qb, qe, Kind::kQualifier)) {
    std::string q = rule->Attr("qualifier");
    std::replace(q.begin(), q.end(), '_', ' ');
    return q;
  }
  return approx ? "approximately" : "";
}

// Values from a metric: its level, else a growth rate ("revenue growth of 18% to 20%").
bool GuidanceModule::FromMetric(const SentenceContext& ctx, const Reading& r, const Metric& mt, const Quantity& q, Guidance* g) const {
  uint32_t qb = q.start - ctx.sentence.begin, qe = q.end - ctx.sentence.begin;
  g->metric = mt.metric;
  g->segment = mt.segment;
  // In a list ("revenue ... ; gross margins to be ...; operating expenses ..."), the metric must be
  // named in the value's own part, unless the unit names it (per share).
  if (!mt.unit.ends_with("/share") && !NamedInPart(r, mt.metric, qb)) return false;
  bool growth = std::isnan(mt.value) || (q.unit == "%" && mt.unit != "%");
  if (Skipped(ctx.text, qb, qe, growth)) return false;
  // "increased our guidance for full year EPS to between $1.17 and $1.20": a level after "to".
  static const RE2 kTo(R"((?i)\bto\s+(?:between\s+)?(?:approximately\s+|about\s+|around\s+)?$)");
  if (growth && q.unit == mt.unit && Hit(Before(ctx.text, qb), kTo)) growth = false;
  if (!growth) {
    g->low = q.low, g->high = q.high, g->unit = mt.unit;
    // a loss the metrics grammar read as the metric's negative level ("a pre-tax loss of around $1 billion")
    if (mt.value < 0 && q.low >= 0 && q.high >= 0) g->low = -q.high, g->high = -q.low;
    // (a range the metrics grammar joined: "between a $60 million loss and $140 million in profit")
    if (!std::isnan(mt.low) && mt.low < mt.high && (std::isnan(q.low) || q.low == q.high)) g->low = mt.low, g->high = mt.high;
    if (mt.share_of == "revenue") g->unit = "% of revenue";  // "capex of about 7% of revenue"
    // "is expected to range from $0.83 to $0.86": the metrics grammar reads $0.83 as an earlier level.
    static const RE2 kRangeFrom(R"((?i)\brang(?:e|es|ing)\s+from\s+$)"), kToGap(R"(^\s*(?:to|-)\s*$)");
    for (const Quantity& pq : ctx.quantities) {
      uint32_t pb = pq.start - ctx.sentence.begin, pe = pq.end - ctx.sentence.begin;
      if (pe > qb || pq.unit != q.unit) continue;
      if (Hit(ctx.text.substr(pe, qb - pe), kToGap) && Hit(ctx.text.substr(pb > 30 ? pb - 30 : 0, std::min<uint32_t>(30, pb)), kRangeFrom))
        g->low = std::min(pq.low, q.low), g->high = std::max(pq.high, q.high);
    }
    // ("the PCL ratio to be between 35 and 40 basis points": a rate the metrics grammar put in percent)
    if (q.unit == "bp" && mt.unit == "%" && !std::isnan(mt.value) && std::fabs(mt.value * 100 - q.value) < 1e-6) {
      g->low = std::isnan(mt.low) ? mt.value : mt.low, g->high = std::isnan(mt.high) ? mt.value : mt.high;
      return true;
    }
    if (q.unit != mt.unit && !(mt.unit.ends_with("/share") && q.unit == mt.unit.substr(0, mt.unit.size() - 6)) &&
        !(q.unit == "number" || q.unit == "count" || q.unit == "shares" || q.unit == "days" || q.unit == "x"))
      return false;
    return true;
  }
  for (const auto& c : mt.comparisons) {
    // "operating margin expansion of 100 to 150 basis points": a rate's change in points, this
    // figure's (as the metrics grammar signed it)
    if (c.type == "change" && (c.unit == "bp" || c.unit == "pp") && mt.unit == "%" &&
        std::fabs(std::fabs(c.value) - std::fabs(q.value)) < 1e-9) {
      g->metric = mt.metric + "_change", g->unit = c.unit;
      g->low = std::isnan(c.low) ? c.value : c.low, g->high = std::isnan(c.high) ? c.value : c.high;
      return true;
    }
    if (c.type != "change" || c.unit != "%") continue;
    g->metric = mt.metric + "_growth";
    // ("organic growth in the range of 3% to 4%", "7% to 8% organic sales growth": revenue's,
    // said organic, as the growth rules name it)
    static const RE2 kOrganic(R"((?i)\borganic(?:ally)?\s+(?:net\s+)?(?:(?:revenues?|sales)\s+)?growth\b)");
    static const RE2 kOrganicAfter(R"((?i)^\s+organic\s+(?:net\s+)?(?:(?:revenues?|sales)\s+)?growth\b)");
    const uint32_t from = qb > 80 ? qb - 80 : 0;
    if (mt.metric == "revenue" && (Hit(ctx.text.substr(from, qb - from), kOrganic) || Hit(ctx.text.substr(qe, 40), kOrganicAfter)))
      g->metric = "organic_growth";
    g->unit = "%";
    bool down = c.value < 0 && !(q.low <= 0 && q.high >= 0 && q.low < q.high);  // (a range across zero is as said)
    g->low = down ? -q.high : q.low, g->high = down ? -q.low : q.high;
    return true;
  }
  return false;
}

// Is `metric` named in the ';'-part of the sentence that holds `pos`, before it or right after it?
bool GuidanceModule::NamedInPart(const Reading& r, const std::string& metric, uint32_t pos) const {
  size_t start = r.text.rfind(';', pos);
  start = start == std::string_view::npos ? 0 : start;
  size_t end = r.text.find(';', pos);
  end = end == std::string_view::npos ? r.text.size() : end;
  // The nearest mention of the metric before the value, inside a condition ("which leaves out ...
  // other operating costs, to come in at ..."), names what the guidance leaves out.
  const Mention* last = nullptr;
  for (const Mention* x : r.mentions)
    if (x->kind == Kind::kMetric && x->e <= pos) {
      const Lexicon::Entry* e = metrics_->Find(r.text.substr(x->b, x->e - x->b));
      if (e && e->Name() == metric) last = x;
    }
  if (last && InCondition(r, last->b)) return false;
  if (start == 0 && end == r.text.size()) return true;
  for (const Mention* x : r.mentions) {
    if (x->kind != Kind::kMetric || x->b < start || x->b >= end) continue;
    const Lexicon::Entry* e = metrics_->Find(r.text.substr(x->b, x->e - x->b));
    if (e && e->Name() == metric) return true;
  }
  return false;
}

// The upper end of a prior range said "from $A to $B" after the value q (whose earlier level is
// `low`): $B, else null.
const Quantity* GuidanceModule::PriorUpper(const SentenceContext& ctx, const Quantity& q, double low) {
  static const RE2 kFrom(R"((?i)\bfrom\s+$)"), kToGap(R"(^\s*(?:to|-)\s*$)");
  const std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin;
  for (size_t i = 0; i + 1 < ctx.quantities.size(); ++i) {
    const Quantity &a = ctx.quantities[i], &b = ctx.quantities[i + 1];
    // (the per-share words said once after both: "from $9.30 to $9.40 per share")
    if (a.start <= q.start || a.low != low || (a.unit != b.unit && b.unit != a.unit + "/share")) continue;
    const uint32_t ab = a.start - base, ae = a.end - base, bb = b.start - base;
    if (Hit(s.substr(ab > 12 ? ab - 12 : 0, ab > 12 ? 12 : ab), kFrom) && Hit(s.substr(ae, bb - ae), kToGap)) return &b;
  }
  return nullptr;
}

// Fills the rest of an item whose values are set, and appends it unless it is not guidance.
void GuidanceModule::Emit(const SentenceContext& ctx, State& st, const Reading& r, const Quantity& q, Guidance* g,
          std::vector<uint32_t>* used, Tags* out) const {
  uint32_t qb = q.start - ctx.sentence.begin, qe = q.end - ctx.sentence.begin;
  if (r.At(qb) != Reading::kForward || (r.prior_at != UINT32_MAX && qb > r.prior_at) || Delta(r, qb)) return;
  // (what drove a result, in a clause of its own after it, shares the result's tense: "we have
  // booked $48 billion of revenue, driven by fee growth of 9%, and we are on track ..." is no
  // forecast of fee growth; "we expect revenue to grow 5%, driven by volume growth of 3%" is)
  if (size_t at = DriverClause(r.text.substr(0, qb)); at != std::string_view::npos) {
    const size_t c = r.Clause(static_cast<uint32_t>(at));
    if (c == 0 || r.clause_tense[c - 1] != Reading::kForward) return;
  }
  // (the upper end of a prior range after a range, "... from $4.00 to $4.10": not a target of its
  // own; not the level a change reached, "decrease by 0.5% from 29% to 28.5%")
  for (size_t j = 2; j < ctx.quantities.size(); ++j)
    if (&ctx.quantities[j] == &q && ctx.quantities[j - 2].low < ctx.quantities[j - 2].high &&
        PriorUpper(ctx, ctx.quantities[j - 2], ctx.quantities[j - 1].low) == &q)
      return;
  if (InCondition(r, qb)) return;
  if (!Period(ctx, st, r, qb, qe, &g->period)) return;
  // a program's size or a savings target belongs to no period the sentence does not name
  // ([period=none|target] in metrics.lex): not the outlook's quarter carried from before
  if (r.periods.empty())
    if (const Lexicon::Entry* e = metrics_->Find(g->metric); e && (e->Attr("period") == "none" || e->Attr("period") == "target"))
      g->period.clear();
  if (Beside(ctx.text, qb, qe, Kind::kLoss) && g->low >= 0) std::swap(g->low, g->high), g->low = -g->low, g->high = -g->high;
  g->basis = Basis(st, r, g->metric, qb);
  g->qualifier = Qualifier(ctx.text, qb, qe, q.approx);
  g->revision = Revision(r, qb);
  // "lowered our equipment spending forecast from $3.9 billion to $3.6 billion": the earlier level.
  // (and a range: "to $4.10 to $4.20 from $4.00 to $4.10": its upper end too)
  if (!g->revision.empty() && g->revision != "reaffirmed")
    for (auto mt = ctx.metrics.rbegin(); mt != ctx.metrics.rend(); ++mt) {
      if (mt->start != q.start) continue;
      for (const auto& c : mt->comparisons) {
        if (c.type != "from") continue;
        if (c.Range()) {  // (metrics read the prior range whole)
          g->prior_low = c.low, g->prior_high = c.high;
        } else {
          g->prior_low = g->prior_high = c.value;
          if (const Quantity* upper = q.low < q.high ? PriorUpper(ctx, q, c.value) : nullptr) g->prior_high = upper->high;
        }
      }
    }
  for (const Mention* x : r.mentions)
    if (x->kind == Kind::kCondition && x->m->rule->Attr("scope") != "previous" && !(qb >= x->b && qb < x->e)) {
      std::string c = Trim(r.text.substr(x->b, x->e - x->b));
      g->condition = g->condition.empty() ? c : g->condition + "; " + c;
    }
  g->speaker = ctx.turn.speaker, g->turn = ctx.turn.index, g->sentence = ctx.index;
  g->start = ctx.sentence.begin, g->end = ctx.sentence.end;
  g->quote = std::string(ctx.text);
  used->push_back(qb);
  // "between $220 million loss and $80 million loss": two values, one range.
  if (!out->guidance.empty()) {
    Guidance& p = out->guidance.back();
    static const RE2 kJoin(R"((?i)^\s*(?:loss|income|profit|in\s+income)?\s*(?:and|to)\s+(?:a\s+)?(?:loss\s+of\s+)?(?:negative\s+)?$)");
    static const RE2 kTo(R"((?i)^\s*to\s+(?:negative\s+)?$)");
    static const RE2 kOpen(R"((?i)\b(?:between|rang(?:e|es|ing)\s+from)\s+(?:a\s+)?(?:loss\s+of\s+)?(?:negative\s+)?$)");
    if (st.value_sentence == ctx.index && p.sentence == ctx.index && p.turn == g->turn && p.metric == g->metric &&
        p.unit == g->unit && p.low == p.high && st.value_e <= qb &&
        Hit(r.text.substr(st.value_e, qb - st.value_e), kJoin) &&
        (Hit(r.text.substr(st.value_e, qb - st.value_e), kTo) ||
         Hit(r.text.substr(st.value_b > 40 ? st.value_b - 40 : 0, std::min<uint32_t>(40, st.value_b)), kOpen))) {
      p.low = std::min(p.low, g->low), p.high = std::max(p.high, g->high);
      if (p.qualifier.empty()) p.qualifier = g->qualifier;
      st.value_e = qe;
      return;
    }
  }
  if (Duplicate(*out, *g)) return;
  st.value_sentence = ctx.index, st.value_b = qb, st.value_e = qe;
  out->guidance.push_back(std::move(*g));
}

// "raising our fiscal 2026 revenue guidance by $150 million to $9.4 billion": $150 million is the step.
bool GuidanceModule::Delta(const Reading& r, uint32_t qb) const {
  std::string_view before = r.text.substr(0, qb);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (!before.ends_with(" by")) return false;
  // "reduce costs (this year) by $750 million": a metric said as the verb, whose amount "by" gives
  // ([by=level] in the lexicon)
  static const RE2 kPeriodBetween(
      R"((?i)^(?:\s+(?:this|next|in|over|during|for)\s+(?:the\s+)?(?:(?:fiscal|calendar|full)\s+)?(?:year|quarter|(?:19|20)\d\d))?$)");
  const size_t by = before.size() - 3;
  for (const Mention* x : r.mentions)
    if (x->kind == Kind::kMetric && x->e <= by && Hit(r.text.substr(x->e, by - x->e), kPeriodBetween))
      if (const Lexicon::Entry* e = metrics_->Find(r.text.substr(x->b, x->e - x->b)); e && e->Attr("by") == "level") return false;
  // (a verb of revision with an object: "raising our EPS by $0.10"; not "sales to increase by 5%")
  static constexpr std::string_view kVerb = R"((?i)\b(?:rais|increas|lower|reduc|cut|lift|boost|trim)\w*)";
  static const RE2 kStep(std::string(kVerb) + R"(\b)"), kNoObject(std::string(kVerb) + R"(\s+by$)");
  return std::any_of(r.mentions.begin(), r.mentions.end(), [](const Mention* x) { return x->kind == Kind::kRevision; }) ||
         (Hit(before, kStep) && !Hit(before, kNoObject));
}

// Values inside a condition ("including about $70 million of maintenance CapEx") are the note's.
bool GuidanceModule::InCondition(const Reading& r, uint32_t qb) {
  for (const Mention* x : r.mentions)
    if (x->kind == Kind::kCondition && qb >= x->b && qb < x->e && x->b > 0) return true;
  return false;
}

// The revision said of the value at `qb`: the last one before it with no other cue between, or
// one later in its clause.
std::string GuidanceModule::Revision(const Reading& r, uint32_t qb) {
  const Mention* rev = nullptr;
  for (const Mention* x : r.mentions) {
    if (x->b >= qb) {
      if (!rev && x->kind == Kind::kRevision && r.Clause(x->b) == r.Clause(qb)) rev = x;
      continue;
    }
    if (x->kind == Kind::kRevision) rev = x;
    else if (x->kind == Kind::kCue && rev && r.Clause(x->b) != r.Clause(rev->b)) rev = nullptr;
  }
  return rev ? rev->m->rule->Attr("revision") : "";
}

// The growth metric a % at [qb, qe) measures: a "<metric> growth" right after it (no comma, "and"
// or number between: not the next item of a list, "volume growth of 2% and revenue growth of 4%")
// or before it in the same clause.
bool GuidanceModule::Growth(const SentenceContext& ctx, const Reading& r, uint32_t qb, uint32_t qe, std::string* metric, bool* negative) const {
  const Mention* hit = nullptr;
  for (const Mention* x : r.mentions)
    if (x->kind == Kind::kGrowth && x->b >= qe && x->b - qe <= 40 &&
        r.text.substr(qe, x->b - qe).find_first_of(",;") == std::string_view::npos &&
        r.text.substr(qe, x->b - qe).find(" and ") == std::string_view::npos && !QuantityIn(ctx, qe, x->b)) {
      hit = x;
      break;
    }
  if (!hit)
    for (const Mention* x : r.mentions)
      if (x->kind == Kind::kGrowth && x->e <= qb && r.Clause(x->b) == r.Clause(qb) && !QuantityIn(ctx, x->e, qb)) hit = x;
  if (!hit) return false;
  const Matches& m = *r.matches;
  std::string_view said = r.text.substr(hit->b, hit->e - hit->b);
  *negative = said.find("declin") != std::string_view::npos;
  if (!m.Group(*hit->m, "org").empty() || !m.Group(*hit->m, "org2").empty()) {
    *metric = "organic_growth";
    return true;
  }
  std::string_view name = m.Group(*hit->m, "metric");
  const Lexicon::Entry* e = name.empty() ? nullptr : metrics_->Find(name);
  std::string base;
  if (e && !IsNone(*e)) {
    base = e->Name();
  } else {  // (a thing the vocabulary knows is no metric as said: "volume growth" is volume_growth)
    for (char c : e ? name : m.Group(*hit->m, "word"))
      base.push_back(c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (base.size() > 3 && base.back() == 's' && base != "sales") base.pop_back();
  }
  *metric = base + "_growth";
  return true;
}

// A value the metrics grammar left alone, after a metric named earlier in the sentence: "revenue
// in the range of minus 3% to 1% year over year" (a growth rate), "gross margins were 61% ... our
// long-term model range of 59% to 62%", "revenue guidance by $150 million to $9.4 billion". Values
// between the two must be the same metric's, the step of a revision, or the other end of a range.
bool GuidanceModule::Fallback(const SentenceContext& ctx, const Reading& r, const Quantity& q,
              std::string* metric, std::string* unit) const {
  uint32_t qb = q.start - ctx.sentence.begin, qe = q.end - ctx.sentence.begin;
  // "from 29% to 28.5%", "by 0.5%", "versus 2.8%": a comparison the metric already holds.
  static const RE2 kCompared(R"((?i)\b(?:from|by|versus|vs\.?|than|over|against|compared\s+(?:to|with))\s+(?:the\s+|our\s+)?$)");
  if (Hit(Before(r.text, qb), kCompared)) return false;
  // "free cash flow to be up $1 billion on last year", "D&A should fall some $6 million": an amount
  // of change, no level
  static const RE2 kChange(
      R"((?i)\b(?:up|down|drop|drops|decline|declines|decrease|decreases|fall|falls|rise|rises|increase|increases|grow|grows|go\s+(?:up|down)|come\s+down)\s+(?:by\s+)?(?:approximately\s+|about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$)");
  if (q.unit != "%" && Hit(Before(r.text, qb), kChange)) return false;
  static const RE2 kToGap(R"(^\s*(?:to|-)\s*$)");
  // ("$48 billion of revenue so far, driven by fee growth of 9%, ... to meet our $64 to 65
  // billion guidance for the year": what a clause names as the driver is not what the guidance is
  // of, nor does its figure stand between the guidance and its metric)
  auto allowed = [&](const Quantity& between, const std::string& canonical) {
    uint32_t bb = between.start - ctx.sentence.begin, be = between.end - ctx.sentence.begin;
    if (Delta(r, bb) || InDriver(r.text, bb)) return true;
    if (be <= qb && Hit(r.text.substr(be, qb - be), kToGap)) return true;
    for (const Metric& mt : ctx.metrics)
      if (mt.start == between.start && mt.metric == canonical) return true;
    return false;
  };
  static const RE2 kShareOf(R"((?:%|percent)\s+of\s+(?:total\s+|net\s+|our\s+)?$)");
  const Lexicon::Entry* named = nullptr;
  // ("SG&A and R&D combined falling 10 to 15%", "seen from a revenue and expense perspective,
  // roughly $1.5 billion": two metrics said together are a figure of neither, nor of one before)
  static const RE2 kTogether(R"((?i)^\s+(?:combined|point\s+of\s+view|perspective|standpoint)\b)");
  static const RE2 kAndBefore(R"((?i)\band\s+$)");
  for (const Mention* x : r.mentions) {
    if (x->kind != Kind::kMetric || x->e > qb || qb - x->e > 150) continue;
    if (std::string_view before = r.text.substr(x->b > 8 ? x->b - 8 : 0, std::min<uint32_t>(8, x->b));
        Hit(before, kAndBefore) && Hit(r.text.substr(x->e, 24), kTogether)) {
      named = nullptr;
      continue;
    }
    if (Hit(r.text.substr(x->b > 20 ? x->b - 20 : 0, std::min<uint32_t>(20, x->b)), kShareOf)) continue;  // "68% of revenue"
    if (InDriver(r.text, x->b)) continue;
    const Lexicon::Entry* e = metrics_->Find(r.text.substr(x->b, x->e - x->b));
    if (!e) continue;
    bool ok = true;
    for (const Quantity& b : ctx.quantities) {
      uint32_t at = b.start - ctx.sentence.begin;
      if (at >= x->e && at < qb && !allowed(b, e->Name())) ok = false;
    }
    named = ok ? e : nullptr;
  }
  if (!named) return false;
  static const RE2 kYoy(
      R"((?i)^\s*(?:(?:to|-|and)\s*(?:minus\s+|negative\s+)?\d+(?:\.\d+)?\s?%\s*)?(?:growth\s+)?(?:on\s+a\s+)?(?:year[\s-]+(?:over|on)[\s-]+year|y/y|yoy|sequential(?:ly)?)\b)");
  std::string cls = named->Attr("class");
  auto has = [&](const char* c) { return ("," + cls + ",").find("," + std::string(c) + ",") != std::string::npos; };
  if (q.unit == "%" && Hit(r.text.substr(qe, 60), kYoy)) {
    *metric = named->Name() + "_growth", *unit = "%";
    return true;
  }
  *metric = named->Name();
  if (q.unit == "%" && has("pct")) return *unit = "%", true;
  if (IsCurrency(q.unit) && has("per_share")) return *unit = q.unit + "/share", true;
  if (q.unit.ends_with("/share") && has("per_share")) return *unit = q.unit, true;
  if (IsCurrency(q.unit) && has("money")) return *unit = q.unit, true;
  if (q.unit == "shares" && has("shares")) return *unit = q.unit, true;
  return false;
}

// Is there a quantity starting in [b, e) (sentence offsets)?
bool GuidanceModule::QuantityIn(const SentenceContext& ctx, uint32_t b, uint32_t e) {
  for (const Quantity& q : ctx.quantities) {
    uint32_t at = q.start - ctx.sentence.begin;
    if (at >= b && at < e) return true;
  }
  return false;
}

// The same item already said in this turn. Guidance is appended in turn order, so only the tail
// is searched (a scan of the whole list made a call of 20,000 turns take minutes).
bool GuidanceModule::Duplicate(const Tags& t, const Guidance& g) {
  auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
  for (size_t i = t.guidance.size(); i-- > 0;) {
    const Guidance& h = t.guidance[i];
    if (h.turn != g.turn) break;
    if (h.metric == g.metric && h.period == g.period && h.basis == g.basis && h.unit == g.unit &&
        h.segment == g.segment && same(h.low, g.low) && same(h.high, g.high) && h.revision == g.revision &&
        h.qualitative == g.qualitative)
      return true;
  }
  return false;
}

void GuidanceModule::Priors(const SentenceContext& ctx, const State& st, const Reading& r, const std::vector<uint32_t>& used,
            size_t first, Tags* out) const {
  static const RE2 kUp(R"((?i)\bup\s+from\b)"), kDown(R"((?i)\bdown\s+from\b)");
  static const RE2 kTo(R"((?i)^\s*(?:to|-|–)\s*$)");
  for (size_t k = 0; k < ctx.quantities.size(); ++k) {
    const Quantity& q = ctx.quantities[k];
    uint32_t qb = q.start - ctx.sentence.begin;
    if (qb < r.prior_at || std::find(used.begin(), used.end(), qb) != used.end()) continue;
    // (a per-share range's prior said without "per share": "EPS of $4.10 to $4.25, up from our prior
    // guidance of $3.95 to $4.15")
    auto fits = [&](const Guidance& g) {
      return SameFamily(g.unit, q.unit) || (g.unit == q.unit + "/share" && std::fabs(q.high) < 1000);
    };
    // This sentence's guidance first, else the previous sentence's.
    Guidance* target = nullptr;
    for (size_t i = out->guidance.size(); i-- > first;)
      if (fits(out->guidance[i]) && std::isnan(out->guidance[i].prior_low)) {
        target = &out->guidance[i];
        break;
      }
    if (!target && first == out->guidance.size() && st.last_sentence == ctx.index - 1)
      for (size_t i = st.last_end; i-- > st.last_begin;)
        if (fits(out->guidance[i]) && std::isnan(out->guidance[i].prior_low)) {
          target = &out->guidance[i];
          break;
        }
    if (!target) continue;
    target->prior_low = q.low, target->prior_high = q.high;
    // ("up from 6% to 8% previously": a range the grammar read as two values, from one to the other)
    if (k + 1 < ctx.quantities.size() && ctx.quantities[k + 1].unit == q.unit && ctx.quantities[k + 1].low >= q.high &&
        RE2::FullMatch(re2::StringPiece(ctx.text.data() + (q.end - ctx.sentence.begin), ctx.quantities[k + 1].start - q.end), kTo))
      target->prior_high = ctx.quantities[++k].high;
    // ("fall 40 to 60 basis points ... against a prior range of 25 to 50 basis points": a change's
    // prior said as a size is in the change's sign)
    if (target->metric.ends_with("_change") && target->high < 0 && target->prior_low >= 0)
      std::tie(target->prior_low, target->prior_high) = std::pair(-target->prior_high, -target->prior_low);
    // (the direction said since the figure before it: not an earlier item's "up from 5% to 7%")
    const uint32_t since = k > 0 ? ctx.quantities[k - 1].end - ctx.sentence.begin : 0;
    std::string_view head = r.text.substr(since, qb - since);
    if (Hit(head, kUp)) target->revision = "raised";
    else if (Hit(head, kDown)) target->revision = "lowered";
    else if (target->revision.empty())
      target->revision = target->low > target->prior_low && target->high >= target->prior_high   ? "raised"
                         : target->low < target->prior_low && target->high <= target->prior_high ? "lowered"
                         : target->low == target->prior_low && target->high == target->prior_high ? "reaffirmed"
                                                                                                  : "";
    break;
  }
}

}  // namespace callscope::rules::guidance_detail
