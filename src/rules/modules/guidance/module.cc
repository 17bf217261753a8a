// The guidance module (data/guidance.pack): which of management's metric statements look forward,
// and for what. Runs after `metrics` on each sentence: a metric whose clause looks forward (a cue
// such as "we expect", or an outlook paragraph already under way) and does not report a result
// becomes a Guidance with a forward-resolved period ("the first quarter" in a Q4 call is next
// year's), a basis said or carried through the outlook, a qualifier, and a revision with the prior
// values ("up from our previous guidance of ..."). Sentences like "This includes a $0.01 benefit"
// attach a condition to the guidance just given; a named metric with a direction and a period
// but no number ("we expect to sustain these operating margins into Q4") is qualitative guidance.
// This file: the sentence flow (Run), how a sentence reads (Read), and the module's tag line.
#include "rules/modules/guidance/guidance.h"

namespace callscope::rules::guidance_detail {

GuidanceModule::GuidanceModule(const Pack& p) : pack_(p), metrics_(p.lexicon("metric")) {
  static const std::unordered_map<std::string, Kind> kinds = {
      {"cue", Kind::kCue},           {"past", Kind::kPast},           {"boiler", Kind::kBoiler},
      {"opener", Kind::kOpener},     {"revision", Kind::kRevision},   {"prior", Kind::kPrior},
      {"qualifier", Kind::kQualifier}, {"condition", Kind::kCondition}, {"period", Kind::kPeriod},
      {"contrast", Kind::kContrast}, {"basis", Kind::kBasis},         {"pastverb", Kind::kPastVerb},
      {"direction", Kind::kDirection}, {"macro", Kind::kMacro},       {"metric", Kind::kMetric},
      {"growth", Kind::kGrowth},     {"skip", Kind::kSkip},           {"loss", Kind::kLoss}};
  for (const auto& r : p.rules()) {
    auto k = kinds.find(r->Attr("kind"));
    if (k == kinds.end()) {
      error_ = fmt::format("{}:{}: rule {}: unknown kind '{}' (see the head of guidance.pack)", r->file, r->line,
                           r->name, r->Attr("kind"));
      return;
    }
    kind_[r.get()] = k->second;
    const bool after = r->Attr("after") == "1";
    RuleSet* set = nullptr;
    if (k->second == Kind::kSkip)
      set = after ? (r->Attr("growth") == "1" ? &skip_after_growth_ : &skip_after_)
                  : (r->Attr("before") == "sentence" ? &skip_sentence_ : &skip_before_);
    else if (k->second == Kind::kQualifier || k->second == Kind::kLoss)
      set = after ? &beside_[k->second].first : &beside_[k->second].second;
    if (set && !set->Add(r.get())) {
      error_ = fmt::format("{}:{}: rule {}: not accepted by RE2::Set", r->file, r->line, r->name);
      return;
    }
    if (k->second == Kind::kContrast) contrast_.push_back(r.get());
  }
  bool ok = skip_after_.Compile() && skip_after_growth_.Compile() && skip_before_.Compile() && skip_sentence_.Compile();
  for (auto& [kind, sets] : beside_) ok = ok && sets.first.Compile() && sets.second.Compile();
  if (!ok) error_ = "guidance.pack: the rules read beside a value do not fit in RE2::Sets (out of memory)";
}

void GuidanceModule::Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const {
  State& st = *static_cast<State*>(state);
  if (ctx.turn.index != st.turn) {
    st.turn = ctx.turn.index, st.period.clear(), st.basis.clear(), st.outlook = false;
    st.last_sentence = -1, st.last_begin = st.last_end = out->guidance.size();
    // (an answer right after a question that named one period to come looks ahead to it: "And on
    // the fourth quarter?")
    // (and its sentences with no verb in the past are forecasts: "And OpEx?" - "Roughly $1.38 billion.")
    if (ctx.role != Role::kAnalyst && ctx.turn.index == st.question_turn + 1)
      st.period = st.question_period, st.outlook = !st.question_period.empty();
  }
  if (ctx.role == Role::kAnalyst) {  // (a later sentence of the question wins)
    if (ctx.turn.index != st.question_turn) NewQuestion(ctx.text, ctx.turn.index, &st.question_period, &st.question_turn);
    if (auto p = QuestionPeriod(ctx.text, ctx.analysis.call)) st.question_period = *p;
  }
  if (!m->searched) return;  // not management's
  auto& ms = st.ms;
  ms.clear();
  for (const Match& x : m->list) ms.push_back({x.begin, x.end, &x, kind_.at(x.rule)});
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.b != b.b ? a.b < b.b : a.e > b.e; });
  for (const Mention& x : ms)
    if (x.kind == Kind::kBoiler) return;

  Reading r = Read(ctx, st, *m);
  if (r.opener) st.outlook = true;
  const size_t first = out->guidance.size();

  // A condition on what was just said: "This includes a $0.01 one time benefit ..."
  for (const Mention* x : r.mentions)
    if (x->kind == Kind::kCondition && x->m->rule->Attr("scope") == "previous" && st.last_end > st.last_begin &&
        st.last_sentence == ctx.index - 1) {
      Guidance& g = out->guidance[st.last_end - 1];
      std::string c = Trim(StripSubject(ctx.text.substr(x->b, x->e - x->b)));
      g.condition = g.condition.empty() ? c : g.condition + "; " + c;
    }

  // The metric levels of this sentence (the metrics module ran on it just before).
  std::vector<uint32_t> used;  // quantity starts (sentence offsets) taken by an item
  for (const Metric& mt : ctx.metrics) {
    Guidance g;
    const Quantity* q = QuantityAt(ctx, mt.start);
    if (!q || !FromMetric(ctx, r, mt, *q, &g)) continue;
    if (MeasuredAgainst(ctx, *q, *out, first)) continue;
    Emit(ctx, st, r, *q, &g, &used, out);
  }

  // Values the metrics grammar leaves alone: growth rates ("approximately 4% to 5% full year 2025
  // sales growth") and values after their metric (Fallback).
  for (const Quantity& q : ctx.quantities) {
    uint32_t qb = q.start - ctx.sentence.begin, qe = q.end - ctx.sentence.begin;
    if (std::find(used.begin(), used.end(), qb) != used.end() || q.unit == "fraction") continue;
    bool taken = false;  // a metric level the loop above did not keep (not forward, ...)
    for (const Metric& mt : ctx.metrics)  // (either end of a range the metric joined)
      taken |= q.start >= mt.start && q.end <= mt.end && !std::isnan(mt.value);
    if (taken || Midpoint(ctx.text, q, qe, *out, first)) continue;
    Guidance g;
    bool negative = false;
    if (q.unit == "%" && Growth(ctx, r, qb, qe, &g.metric, &negative)) {
      if (Skipped(ctx.text, qb, qe, true)) continue;
      g.unit = "%";
    } else if (!Fallback(ctx, r, q, &g.metric, &g.unit) ||
               Skipped(ctx.text, qb, qe, g.metric.ends_with("_growth"))) {
      continue;
    }
    // (a growth said with "down" before it: "between $40 million and $44 million, down 12% year-over-year")
    static const RE2 kDown(
        R"((?i)\b(?:down|lower|declin(?:e|ed|ing)|decreas(?:e|ed|ing)|fall(?:ing)?|drop(?:ping)?)\s+(?:by\s+)?(?:approximately\s+|about\s+|roughly\s+|around\s+|nearly\s+)?$)");
    if (g.metric.ends_with("_growth") && Hit(Before(ctx.text, qb), kDown))
      negative = true;
    g.low = negative ? -q.high : q.low, g.high = negative ? -q.low : q.high;
    if (MeasuredAgainst(ctx, q, *out, first)) continue;
    // "X revenue to be between $120 million and $130 million, down 8%": the growth of a level
    // this sentence gave is of that level's segment; "mid-single-digit X sales growth or
    // low-teens growth in constant currency": so is the same growth said again another way
    static const RE2 kOr(R"(\bor\s+(?:about\s+|approximately\s+|roughly\s+)?$)");
    const bool again = Hit(Before(ctx.text, qb), kOr);
    if (g.segment.empty() && g.metric.ends_with("_growth"))
      for (size_t k = first; k < out->guidance.size(); ++k)
        if (out->guidance[k].metric + "_growth" == g.metric || (again && out->guidance[k].metric == g.metric))
          g.segment = out->guidance[k].segment;
    Emit(ctx, st, r, q, &g, &used, out);
  }

  // Prior values named after the guidance: "This is up from our previous guidance of $1.14 to $1.17"
  if (r.prior_at != UINT32_MAX) Priors(ctx, st, r, used, first, out);

  // Qualitative: a named metric, a direction and a period, no number.
  if (out->guidance.size() == first && ctx.metrics.empty()) Qualitative(ctx, r, out);

  // What the next sentences of this turn inherit.
  const bool heading = ctx.quantities.empty() && ctx.text.size() < 60;
  // (guidance declined opens no outlook: "We won't guide to next year yet. Fees were up 11%.")
  const bool declined = out->guidance.size() > first && out->guidance.back().revision == "declined";
  if (out->guidance.size() > first && !declined) {
    st.outlook = true;
    st.last_sentence = ctx.index, st.last_begin = first, st.last_end = out->guidance.size();
    const std::string& p = out->guidance.back().period;
    if (!p.empty() && p != "long-term") st.period = p;
  } else if (declined || r.results) {
    st.outlook = false;
  } else if (r.cue || heading) {
    // A cue, or a short heading-like sentence ("Now for fiscal 2013."): its period carries on;
    // a half year only from a heading ("Turning to the second half."), not from a remark in
    // passing ("we see the kiosk line doing better in H2 than in H1"; "promotions we have set
    // for the second half"), which would date the full-year items after it.
    for (const auto& [x, p] : r.periods)
      if (!p.empty() && p != "-" && p != "long-term" && (heading || x->m->rule->Attr("rel") != "half"))
        st.period = p, st.outlook = true;
  }
  if (out->guidance.size() > first || r.cue)
    for (const Mention* x : r.mentions)
      if (x->kind == Kind::kBasis) st.basis = x->m->rule->Attr("basis");
}

Reading GuidanceModule::Read(const SentenceContext& ctx, const State& st, const Matches& m) const {
  Reading r;
  r.text = ctx.text;
  r.matches = &m;
  std::string_view text = ctx.text;
  // A cue inside a result ("expected" in "as expected", "than we had expected") is that result.
  for (const Mention& x : st.ms)
    if (!(x.kind == Kind::kCue && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& p) {
          return p.kind == Kind::kPast && p.b <= x.b && x.e <= p.e;
        })))
      r.mentions.push_back(&x);
  // Clauses: cut after , ; : and dashes, and before "and are/we/will ..." joining a new verb.
  static const RE2 kAndVerb(R"((?i)^ and (?:we|are|is|will|have|expect|remain|continue|should|see|plan|anticipate)\b)");
  r.cuts = {0};
  for (uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ';' || c == ':' || (c == ',' && !(i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])))))
      r.cuts.push_back(i + 1);
    else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-')
      r.cuts.push_back(i + 2), ++i;
    else if (c == ' ' && i + 5 <= text.size() && (text[i + 1] | 0x20) == 'a' && (text[i + 2] | 0x20) == 'n' &&
             (text[i + 3] | 0x20) == 'd' && text[i + 4] == ' ' && Hit(text.substr(i, 24), kAndVerb))  // (" and ": before the regex)
      r.cuts.push_back(i);
  }
  r.cuts.push_back(static_cast<uint32_t>(text.size()));
  bool any_past = false;
  for (const Mention* x : r.mentions) {
    if (Reading::Forwardish(*x)) r.cue = true;
    if (x->kind == Kind::kPastVerb) any_past = true;
    if (x->kind == Kind::kOpener) r.opener = true;
    if (x->kind == Kind::kPrior && r.prior_at == UINT32_MAX) r.prior_at = x->b;
    if (x->kind == Kind::kCondition && x->m->rule->Attr("scope") != "previous") {
      std::string c = Trim(text.substr(x->b, x->e - x->b));
      r.condition = r.condition.empty() ? c : r.condition + "; " + c;
    }
  }
  r.dflt = r.cue || (st.outlook && !any_past) ? Reading::kForward : Reading::kBack;
  r.results = !r.cue && any_past;
  // "Turning to specialty lines, written premiums rose ...": a sentence turning to a
  // business, with no cue, reviews it; the outlook the sentence before spoke of ends (not one
  // turning to a period or to the outlook: "Turning to the fourth quarter, revenue of ...")
  static const RE2 kTurnsTo(
      R"((?i)^\W*(?:(?:and|so|now)\s*,?\s+)?(?:turning|moving|switching|shifting)\s+(?:now\s+)?(?:over\s+)?to\s+([^,;]{2,60}),)");
  static const RE2 kAhead(
      R"((?i)\b(?:outlook|guidance|guide|forecast|expect\w*|Q[1-4]|quarters?|years?|half|fiscal|FY|(?:19|20)\d\d|next|coming|full|balance|rest|remainder)\b)");
  if (re2::StringPiece topic; !r.cue && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kTurnsTo, &topic) &&
                              !RE2::PartialMatch(topic, kAhead))
    r.dflt = Reading::kBack, r.results = true;
  r.clause_tense.assign(r.cuts.size() - 1, Reading::kUnknown);
  for (size_t c = 0; c + 1 < r.cuts.size(); ++c) {
    // A clause's own tense: a result or a macro forecast in it (as At reads them), else its last
    // cue or past verb (nothing: unknown).
    bool hard = false;
    for (const Mention* x : r.mentions) {
      if (x->b < r.cuts[c] || x->b >= r.cuts[c + 1] || hard) continue;
      hard = x->kind == Kind::kPast || x->kind == Kind::kMacro;
      if (hard || x->kind == Kind::kPastVerb) r.clause_tense[c] = Reading::kBack;
      else if (Reading::Forwardish(*x)) r.clause_tense[c] = Reading::kForward;
    }
  }
  // Periods, resolved forward; nested mentions ("2008" in "2008 annual") give way to the outer one.
  std::string last_quarter, named_year;
  for (const Mention* x : r.mentions) {
    if (x->kind != Kind::kPeriod) continue;
    bool nested = false;
    for (const Mention* y : r.mentions)
      if (y != x && y->kind == Kind::kPeriod && y->b <= x->b && y->e >= x->e && (y->e - y->b) > (x->e - x->b)) nested = true;
    if (nested) continue;
    std::string p = Resolve(ctx, m, *x->m, last_quarter);
    // ("Looking to 2026, we expect ... and full year margin expansion of 40 to 60 basis points": a
    // full year said without its year after a year named is that year)
    const bool bare_fy = x->m->rule->Attr("rel") == "fy" && m.Group(*x->m, "y").empty() && m.Group(*x->m, "y2").empty();
    const bool comparative = Comparative(text, x->b);
    if (bare_fy && !named_year.empty()) p = named_year;
    else if (p.starts_with("FY ") && !bare_fy && !comparative) named_year = p;
    r.compared.push_back(comparative ? p : "");
    if (!r.compared.back().empty()) p = "";
    // "Software, once more, posted solid results this quarter with revenues up 6%": without a cue, a
    // sentence's "this quarter" is the quarter just reported, whatever the outlook before it
    if (!r.cue && x->m->rule->Attr("rel") == "this" && last_quarter.empty()) p = "-";
    if (!p.empty() && p[0] == 'Q') last_quarter = p;
    r.periods.push_back({x, p});
  }
  return r;
}

bool GuidanceModule::Comparative(std::string_view text, uint32_t b) const {
  uint32_t from = b > 48 ? b - 48 : 0;
  re2::StringPiece before(text.data() + from, b - from), source;
  // (not a source said with "from", the period then said with "in": "a contribution of $200
  // million from Gizmo in the second half"; but "from last year in the second half" is one)
  static const RE2 kSource(R"((?i)\bfrom\s+(?:the\s+|our\s+)?((?:[a-z][\w&.'-]*\s+){1,3})(?:in|during)\s+(?:the\s+)?$)");
  static const RE2 kTime(R"((?i)\b(?:last|prior|previous|year|quarter|period|levels?)\b)");
  if (RE2::PartialMatch(before, kSource, &source) && !RE2::PartialMatch(source, kTime)) return false;
  for (const Rule* rule : contrast_)
    if (RE2::PartialMatch(before, *rule->match)) return true;
  return false;
}

}  // namespace callscope::rules::guidance_detail

namespace callscope::rules {

std::string Describe(const Guidance& g) {
  std::string s = "guidance " + g.metric;
  if (!g.segment.empty()) s += " [" + g.segment + "]";
  if (!g.qualitative && !std::isnan(g.low)) {
    s += " = ";
    if (g.qualifier == "approximately") s += "~";
    s += FormatNumber(g.low);
    if (g.high != g.low) s += ".." + FormatNumber(g.high);
    if (!g.unit.empty()) s += " " + g.unit;
  }
  auto add = [&](const char* k, const std::string& v) {
    if (!v.empty()) s += fmt::format("; {} {}", k, v);
  };
  add("period", g.period);
  add("basis", g.basis);
  add("qualifier", g.qualifier);
  add("revision", g.revision);
  if (!std::isnan(g.prior_low))
    s += "; prior " + FormatNumber(g.prior_low) + (g.prior_high != g.prior_low ? ".." + FormatNumber(g.prior_high) : "");
  add("condition", g.condition);
  if (g.qualitative) s += "; qualitative";
  return s;
}

Result<std::unique_ptr<Module>> MakeGuidance(const Pack& pack) {
  if (!pack.lexicon("metric"))
    return Status(Code::kRules, "guidance.pack: the guidance module needs the metric lexicon as {metric}");
  auto m = std::make_unique<guidance_detail::GuidanceModule>(pack);
  if (!m->error().empty()) return Status(Code::kRules, m->error());
  return std::unique_ptr<Module>(std::move(m));
}

}  // namespace callscope::rules
