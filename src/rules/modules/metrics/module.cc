// The metrics module (data/metrics.pack + metrics.lex): ties the quantities of a management
// sentence to the metric they measure, with period, basis, segment and comparisons.
// Per sentence: collect mentions (metrics, segments, periods, basis, comparison cues; mentions.cc),
// then walk the quantities left to right (attach.cc); each is a level (a new Metric), a change or an
// earlier level ("from $10 million"), which attach to the Metric before them. This file: the
// sentence flow, and what a turn, paragraph or section carries to the sentences after it.
#include "rules/modules/metrics/metrics.h"
#include "rules/modules/modules.h"

namespace callscope::rules::metrics_detail {

Metrics::Metrics(const Pack& p)
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
    if (k->second == Kind::kMetric && !r->Attr("as").empty() && (!metrics_ || !metrics_->Find(r->Attr("as")))) {
      error_ = fmt::format("{}:{}: rule {}: as={} is no metric of metrics.lex", r->file, r->line, r->name, r->Attr("as"));
      return;
    }
    std::string key = k->second == Kind::kBasis ? "basis" : k->second == Kind::kSegment ? "scope" : k->second == Kind::kMetric ? "as"
                      : k->second == Kind::kBlock ? (r->Attr("scope").empty() ? "after" : "scope")
                      : k->second == Kind::kChange ? "after" : "rel";
    info_[r.get()] = {k->second, r->Attr(key), std::atoi(r->Attr("sign", "1").c_str()), r->Attr("unit"),
                      r->Attr("carry") != "no" && r->Attr("carry") != "block", r->Attr("carry") == "block",
                      r->Attr("subject") == "1", r->Attr("names") == "checked", std::atoi(r->Attr("opens", "-1").c_str()),
                      r->Attr("ref") == "1", r->Attr("own") == "1", r->Attr("named") == "after",
                      (k->second == Kind::kBasis || k->second == Kind::kSegment) && r->Attr("after") == "1", r->Attr("when") == "1",
                      r->Attr("known") == "1", {}};
    const std::string of_attr = r->Attr("of");
    for (std::string_view of = of_attr; !of.empty();) {  // (read once: figures test it for every basis)
      const size_t comma = std::min(of.find(','), of.size());
      info_[r.get()].of.emplace_back(of.substr(0, comma));
      of.remove_prefix(std::min(comma + 1, of.size()));
    }
  }
  // (the marks and words come from currencies.lex and currency_words.lex, case-sensitive marks
  // after no letter: not "EPS$0.27")
  if (currencies_ && curwords_)
    currency_marks_ = std::make_unique<RE2>(
        R"((?i:\bin\s+((?:(?:U\.?S\.?|Canadian|Australian|Swiss)\s+)?(dollars|francs|euros|pounds(?:\s+sterling)?|yen))\b))"
        R"(|(?:^|[^A-Za-z])()" + currencies_->Regex("") + R"()\s?\d)"
        R"(|(?i:\b(?:million|billion|trillion|thousand|hundred|\d)\s+()" + curwords_->Regex("") + R"()\b))");
  if (currency_marks_ && !currency_marks_->ok()) error_ = "currency lexicons: " + currency_marks_->error();
  if (metrics_) {
    RE2::Options o;
    o.set_case_sensitive(false), o.set_max_mem(64 << 20);
    asked_terms_ = std::make_unique<RE2>(R"(\b()" + metrics_->Regex() + R"()\b)", o);
    if (!asked_terms_->ok()) error_ = "metrics.lex: " + asked_terms_->error();
  }
}

void Metrics::Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const {
  State& st = *static_cast<State*>(state);
  if (ctx.turn.index != st.turn)
    st.turn = ctx.turn.index, st.basis.clear(), st.framed = false, st.consolidated = false, st.region.clear(), st.period.clear(),
    st.forward_period.clear(), st.turn_segment.clear(), st.section.clear(), st.section_in.clear(), st.business.clear(), st.regional_metric.clear(),
    st.said_metric.clear(), st.said_basis.clear(), st.regions_turn_at = -1, st.changed_metric.clear(),
    st.heads = HeadsBusiness(ctx.speaker);
  // (an answer right after a question that named one period to come looks ahead to it)
  if (ctx.role != Role::kAnalyst && ctx.turn.index == st.question_turn + 1 && st.forward_period.empty())
    st.forward_period = st.question_period;
  st.para_before = st.para_now, st.para_now = ctx.paragraph_start;
  // ("The Data Center Group delivered ... Growth slowed in all three verticals within DCG. ...":
  // a sentence naming it again by its initials keeps it speaking, a new paragraph's too)
  const bool again = !st.opener.empty() && ctx.index <= st.opener_until && Initials(ctx.text, st.opener);
  if ((ctx.paragraph_start && !again) || ctx.index > st.opener_until) st.opener.clear();
  if (again) st.opener_until = ctx.index + kOpenerReach;
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
  if (ctx.quantities.empty() && TurnsToRegions(ctx.text)) st.regions_turn_at = static_cast<int>(ctx.index);
  NoteCallBasis(ctx, &st);
  if (ctx.role == Role::kAnalyst) {  // (a later sentence of the question wins)
    if (ctx.turn.index != st.question_turn)
      NewQuestion(ctx.text, ctx.turn.index, &st.question_period, &st.question_turn), st.asked_metric.clear(), st.asked_two = false;
    if (auto p = QuestionPeriod(ctx.text, ctx.analysis.call)) st.question_period = *p;
    if (ctx.text.find('?') != std::string_view::npos) NoteQuestion(ctx, &st);
  }
  if (ctx.role != Role::kAnalyst && ctx.turn.index == st.question_turn + 1 && st.answer_from < 0) st.answer_from = ctx.index;
  if (ctx.turn.index != st.question_turn + 1) st.answer_from = -1;
  if (ctx.role == Role::kAnalyst || ctx.role == Role::kOperator) return;
  if (!m->searched) {  // the prefilter said no (no slide number: only a section to close)
    st.ms.clear(), st.section_pending = false;
    if (!st.section.empty() || !st.segment.empty())
      Section(ctx, &st);  // "Back to the whole company."
    return;
  }
  Collect(ctx, *m, &st);
  const size_t made_from = out->metrics.size();
  if (!ctx.quantities.empty() && !Compares(ctx, st, out)) Attach(ctx, *m, st, out);
  // ("product orders were flat": a metric said flat, with no figure of its own, is a
  // change the regions' after a turn to them may be of)
  for (const Mention& f : st.ms)
    if (f.in->kind == Kind::kFlat)
      for (const Mention& x : st.ms)
        if (x.in->kind == Kind::kMetric && x.e <= f.b && f.b - x.e <= 24 && !IsNone(*x.metric))
          st.changed_metric = x.metric->Name(), st.changed_at = static_cast<int>(ctx.index);
  AheadOfYear(ctx, st, made_from, out);
  ThatImpact(ctx, &st, made_from, out);
  Respectively(ctx, made_from, out);  // (before: the region goes to each line it splits out)
  RegionLines(ctx, &st, made_from, out);
  Both(ctx, made_from, out);
  BasisApart(ctx, &st, made_from, out);
  for (size_t i = made_from; i < out->metrics.size(); ++i) {
    SectionLine(st, &out->metrics[i].segment);
    // (a period a comparison names that is the figure's own compares with nothing: "sales growth
    // for the full year of 6%")
    // (nor is the long term: "higher than our long-term aspiration, ... guidance of 18% to 20%
    // revenue growth" is no change counted from the long term)
    for (Comparison& c : out->metrics[i].comparisons)
      if (c.period == out->metrics[i].period || c.period == "long-term") c.period.clear();
    st.said_metric = out->metrics[i].metric, st.said_basis = out->metrics[i].basis, st.said_at = ctx.index;
    if (std::any_of(out->metrics[i].comparisons.begin(), out->metrics[i].comparisons.end(),
                    [](const Comparison& c) { return c.type == "change" && c.unit == "%"; }))
      st.changed_metric = out->metrics[i].metric, st.changed_at = ctx.index;
    const std::string& seg = out->metrics[i].segment;
    if (seg.empty()) continue;
    st.known.insert(Lower(seg));
    if (!IsRegion(seg)) {
      st.businesses = st.business_at == static_cast<int>(ctx.index) && (st.businesses || st.business != seg);
      st.business = seg, st.business_at = ctx.index, st.business_metric = out->metrics[i].metric,
      st.business_value = out->metrics[i].value;
    }
    else if (st.regional_metric == out->metrics[i].metric || OpensRegionally(ctx.text) || TurnedToRegions(ctx, st))
      st.regional_metric = out->metrics[i].metric, st.regional_at = ctx.index;
  }
  // A disclaimer ("how our non-GAAP figures reconcile to GAAP") sets no basis for the turn.
  bool disclaimer = std::any_of(st.ms.begin(), st.ms.end(), [](const Mention& x) { return x.in->holds; });
  // said of the figures to come: "on a GAAP basis", "in non-GAAP terms", or "Turning to our
  // non-GAAP results", "we will discuss non-GAAP measures" (not "immaterial to our non-GAAP
  // results"); framed until another basis is named ("... non-GAAP results" then "non-GAAP EPS")
  static const RE2 kBasisTerms(R"((?i)^\s+(?:basis|terms)\b)");
  static const RE2 kResults(R"((?i)^\s+(?:financial\s+)?(?:results|numbers|figures|measures|discussion|performance)\b)");
  static const RE2 kPresents(
      R"((?i)\b(?:turning|moving|turn|discuss\w*|review\w*|present\w*|refer\w*|speak\w*|talk\w*|focus\w*|unless\s+otherwise|all)\b[^.;]*$)");
  // (not one said of a metric named right before it: "R&D expenses on a non-GAAP basis were";
  // unless presenting them: "I'll discuss revenue and earnings on a GAAP basis first")
  static const RE2 kOnA(R"((?i)^\s+on\s+an?\s*$)");  // (the mention may hold the space before it)
  auto frames_of = [&](const Mention& x) {
    re2::StringPiece after(ctx.text.data() + x.e, ctx.text.size() - x.e), before(ctx.text.data(), x.b);
    const bool of_metric = std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
      return k.in->kind == Kind::kMetric && k.e <= x.b && x.b - k.e <= 8 &&
             RE2::FullMatch(re2::StringPiece(ctx.text.data() + k.e, x.b - k.e), kOnA);
    });
    // (nor one said right after a figure: "Gross margin was 76.2% on a non-GAAP basis", "one dollar
    // and twelve cents on a non-GAAP basis", "$1.12 per share on a non-GAAP basis")
    static const RE2 kOfFigure(R"((?i)(?:\d%?|percent|million|billion|points|cents|dollars|share)\s+on\s+an?\s*$)");
    const bool of_figure = RE2::PartialMatch(before, kOfFigure);
    return (RE2::PartialMatch(after, kBasisTerms) && !of_figure && (!of_metric || RE2::PartialMatch(before, kPresents))) ||
           (RE2::PartialMatch(after, kResults) && RE2::PartialMatch(before, kPresents));
  };
  // The basis the turn carries on: the sentence's first, when said of the figures to come, else
  // the last it names ("GAAP EPS was $2.71 and non-GAAP EPS was $2.79": non-GAAP); a later one
  // frames nothing ("adjusted EBIT of $2.4 billion, 21% higher on an adjusted basis")
  // (not the basis of a metric the turn reported before on another basis, said again on this one
  // after what it leaves out: "Homebuilding gross margin was 22.4%. Excluding impairments, adjusted
  // gross margin was 23.1%." then "Net income was $298 million" is no adjusted figure; or with what
  // it leaves out set off by commas after it: "Adjusted home sale gross margin, excluding
  // impairments and interest, was 26.0%.")
  static const RE2 kLeavesOut(R"((?i)^\s+(?:[\w&-]+\s+){0,4}[\w&-]+\s*,\s*(?:excluding|before|ex\.?|which\s+excludes?)\s)");
  static const RE2 kWordsBetween(R"(\s+(?:[\w&-]+\s+){1,3})");
  auto restates = [&](const Mention& x) {
    if (std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& y) {
          return y.in->kind == Kind::kBasis && !y.in->carries && y.e <= x.b;
        }))
      if (x.e > ctx.text.size() || !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.e, ctx.text.size() - x.e), kLeavesOut))
        return false;
    for (const Mention& k : st.ms) {
      // (the metric's name right after it, or a business's name between: "adjusted home sale gross margin")
      if (k.in->kind != Kind::kMetric || k.name_at < x.e || k.name_at - x.e > 24 ||
          (k.name_at - x.e > 1 && !RE2::FullMatch(re2::StringPiece(ctx.text.data() + x.e, k.name_at - x.e), kWordsBetween)))
        continue;
      const std::string name = k.metric->Attr("as", k.metric->Name());
      for (size_t i = out->metrics.size(); i-- > 0;) {
        const Metric& r = out->metrics[i];
        if (r.turn != ctx.turn.index) break;
        if (r.sentence < ctx.index && r.metric == name && r.basis != x.text) return true;
      }
    }
    return false;
  };
  const Mention* carried = nullptr;
  bool frames = false;
  for (const Mention& x : st.ms) {
    if (x.in->kind != Kind::kBasis || !x.in->carries || disclaimer) continue;
    if (!carried && frames_of(x)) {
      carried = &x, frames = true;
      break;
    }
    if (!restates(x) && !OfNoBasis(st, x)) carried = &x;
  }
  if (carried) {
    const Mention& x = *carried;
    // ("we will discuss non-GAAP figures for our consolidated results": not the segments' figures)
    static const RE2 kConsolidated(R"((?i)\bconsolidated\b)");
    const bool kept = st.framed && st.basis == x.text;
    st.consolidated = frames ? RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.e, ctx.text.size() - x.e), kConsolidated)
                             : kept && st.consolidated;
    st.framed = frames || kept;
    st.basis = x.text, st.basis_at = ctx.index;
  }
  // (a sentence that names several businesses, "North America fell 6%, while Asia Pacific grew
  // 4%", opens none of them: the sentences after it are no more the first's than the others')
  auto several = [&] {
    const std::string* first = nullptr;
    for (const Mention& x : st.ms)
      if ((x.in->kind == Kind::kSegment || x.in->kind == Kind::kMetric) && !x.text.empty()) {
        if (!first) first = &x.text;
        else if (Lower(x.text) != Lower(*first)) return true;
      }
    return false;
  };
  for (const Mention& x : st.ms) {
    if (x.in->kind == Kind::kPeriod && !x.comparative && (Carries(x) || (!st.forward && HalfJustEnded(x, ctx.analysis.call))) &&
        !Stale(x.text, ctx.analysis.call)) {
      st.period = !st.forward && JustBegun(x.text, ctx.analysis.call) ? ctx.analysis.call.fiscal_period : x.text;
      // (and so does a sentence that opens on the half just closed: "For the first half of fiscal
      // 2025, revenue was JPY 6.2 trillion" frames the next paragraphs' figures too)
      st.period_at = ctx.index, st.period_forward = st.forward,
      st.period_heading = (ctx.quantities.empty() && !st.forward && ReviewHeading(ctx.text)) ||
                          (!st.forward && x.b <= 16 && HalfJustEnded(x, ctx.analysis.call));
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
    // (not one given as a share of the whole: "China was 13% of revenue. We expect revenue of ...")
    if (x.in->kind == Kind::kSegment && x.in->attr == "sentence" && x.in->opens != 0 && x.name_at <= 4 &&
        (x.in->subject || FinancialAfter(st, x)) &&
        std::none_of(st.ms.begin(), st.ms.end(), [](const Mention& k) { return k.in->kind == Kind::kShareOf; }) &&
        !several())
      st.opener = x.text, st.opener_until = ctx.index + kOpenerReach,
      st.opener_line = !x.in->subject && RevenueAfter(st, x);
    // ("In our Consumer segment, sales rose 6%. Operating income for the segment was ...": a
    // segment called one as the sentence opens is the one "the segment" means next)
    // (or "Consumer segment sales rose 6%": a metric's name calling it a segment)
    if ((x.in->kind == Kind::kSegment && InTheSegment(ctx.text, x.name_at, x.text.size())) ||
        (x.in->kind == Kind::kMetric && !x.text.empty() && x.b <= 4 && x.name_at > x.b &&
         ctx.text.substr(x.b, x.name_at - x.b).find(" segment ") != std::string_view::npos))
      st.turn_segment = x.text, st.turn_segment_at = ctx.index;
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
  // turn); so it is for "Operating income for the segment was ..."
  if (!st.turn_segment.empty() && ctx.index - st.turn_segment_at <= kSectionReach &&
      NamesTheSegment(ctx.text))
    st.section = st.turn_segment, st.section_at = ctx.index, st.section_reports = false;
}

// "In our Consumer segment, ...": the name at `at` (`size` bytes) opens the sentence, called a segment.
bool Metrics::InTheSegment(std::string_view text, uint32_t at, size_t size) {
  static const RE2 kBefore(R"((?i)^\W*(?:(?:and|so|now)\s*,?\s+)?(?:in|within|for|at)\s+(?:our|the)\s+$)");
  static const RE2 kAfter(R"((?i)^\s+(?:segment|division|business\s+segment)\b)");
  return at <= 24 && at + size <= text.size() && RE2::FullMatch(re2::StringPiece(text.data(), at), kBefore) &&
         RE2::PartialMatch(re2::StringPiece(text.data() + at + size, text.size() - at - size), kAfter);
}

// Does `text` say `name` by its initials, as a word ("DCG" for "Data Center Group")?
bool Metrics::Initials(std::string_view text, std::string_view name) {
  std::string ini;
  for (size_t i = 0; i < name.size(); ++i)
    if ((i == 0 || name[i - 1] == ' ') && std::isupper(static_cast<unsigned char>(name[i]))) ini += name[i];
    else if ((i == 0 || name[i - 1] == ' ') && name[i] != '&') return false;  // "Data and Analytics": no
  if (ini.size() < 2) return false;
  for (size_t at = text.find(ini); at != std::string_view::npos; at = text.find(ini, at + 1)) {
    const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const size_t end = at + ini.size();
    if (left && (end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end])))) return true;
  }
  return false;
}

// The call's currency, for amounts said without one ("Total revenues were 9.8 billion"): the one
// declared anywhere in the call ("I refer to results in US dollars"), else the one its explicit
// amounts use most ($, USD, EUR, CHF ...). Read once per call, from every turn.
void Metrics::NoteCurrency(const SentenceContext& ctx, State* st) const {
  if (st->currency_read || !currency_marks_) return;
  st->currency_read = true;
  // (and what "NII" means in this call: an insurer says "net investment income")
  static const RE2 kInvestment(R"((?i)\bnet\s+investment\s+income\b)"), kInterest(R"((?i)\bnet\s+interest\s+income\b)");
  bool investment = false, interest = false;
  for (const Turn& t : ctx.analysis.turns) {
    investment = investment || RE2::PartialMatch(t.text, kInvestment);
    interest = interest || RE2::PartialMatch(t.text, kInterest);
  }
  st->investment_nii = investment && !interest;
  // One pass over each turn for three things, which never overlap: a currency declared ("in
  // U.S. dollars"), an amount's mark ("$2", "EUR 5"), and a number said with its currency word,
  // as speech-to-text writes it ("two point one billion dollars").
  const RE2& kAny = *currency_marks_;
  std::map<std::string, int> votes;
  re2::StringPiece g[5];
  for (const Turn& t : ctx.analysis.turns) {
    const re2::StringPiece text(t.text);
    bool declared = !st->declared.empty();
    for (size_t pos = 0; kAny.Match(text, pos, text.size(), RE2::UNANCHORED, g, 5);) {
      pos = g[0].data() + g[0].size() - text.data();
      if (g[1].data() && !declared) {  // (the first in the turn, as long as none is known)
        declared = true;
        const Lexicon::Entry* e = curwords_->Find(std::string_view(g[1].data(), g[1].size()));
        if (!e) e = curwords_->Find(std::string_view(g[2].data(), g[2].size()));  // "U.S dollars": the word alone
        if (e) st->declared = e->canonical;
      } else if (g[3].data()) {
        if (const Lexicon::Entry* e = currencies_->Find(std::string_view(g[3].data(), g[3].size()))) ++votes[e->canonical];
        --pos;  // (the digit may start a number said with its word: "$5 dollars")
      } else if (g[4].data()) {
        if (const Lexicon::Entry* e = curwords_->Find(std::string_view(g[4].data(), g[4].size()))) ++votes[e->canonical];
      }
    }
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
void Metrics::Section(const SentenceContext& ctx, State* st) const {
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
    // (or, in a walk through the segments, opening it as its place: "In Specialty, organic revenue
    // was down 3%" after a section on another segment)
    static const RE2 kInLead(R"((?i)^\W*(?:in|at|within)\s+(?:our\s+|the\s+)?([^,;.\d]{1,60}?)(?:\s+(?:segment|business|division))?,)");
    re2::StringPiece lead;
    const bool in_lead = x.in->attr == "paragraph" && !st->section_reports && x.b <= 4 && !st->section.empty() &&
                         st->section != x.text &&
                         RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kInLead, &lead) &&
                         lead.size() == x.text.size();
    bool heading = in_lead || (x.in->attr == "paragraph" &&
                               (ctx.quantities.empty() || (!st->section_reports && x.b <= 4 && TurnsTo(ctx.text))));
    if (in_lead && !st->segment.empty()) st->segment = x.text, st->segment_opened = false;
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
      st->section = x.text, st->section_at = ctx.index, st->section_reports = reports,
      st->section_in = in_lead ? x.text : std::string();
  }
  st->section_pending = slide && pending;
  if (!st->framed && st->basis_at < ctx.index && (slide || (!st->section.empty() && st->section != section_before)))
    st->basis.clear();
}

// A line of the vocabulary named for a figure inside a named segment's section is the segment's
// line: "Transaction-based revenues were up 2%" after "Turning to Personal and Corporate Banking"
// (the division's, not the bank's), "The service business was solid" in Food Equipment's
// paragraph. Not in a section opened by "In X, ..." (a product's place in a walk through a
// segment's products: "In Surface, revenue grew 14%", then "In gaming, ..."), nor in one named in
// lower case only (as speech-to-text gives any words).
void Metrics::SectionLine(const State& st, std::string* segment) const {
  const std::string& sec = st.section;
  if (sec.empty() || segment->empty() || sec == st.section_in || !IsLine(*segment) || IsRegion(sec) || IsLine(sec) ||
      AllLower(sec))
    return;
  const std::string a = Lower(sec), b = Lower(*segment);
  if (a.find(b) == std::string::npos && b.find(a) == std::string::npos) *segment = sec + " " + *segment;
}

// A basis said right before a metric of no usual basis ("adjusted net debt", "adjusted free cash
// flow"): that measure's own, no frame for the turn's later figures.
bool Metrics::OfNoBasis(const State& st, const Mention& x) {
  return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
    return k.in->kind == Kind::kMetric && k.metric && k.metric->Attr("basis") == "no" && k.name_at >= x.e && k.name_at - x.e <= 1;
  });
}

// Whether the sentence names `segment` for one of its figures (not inherited from the ones
// before, nor its subject, which speaks for all of them: "the Harbor Cloud topped $5 billion of
// revenue, up 24%").
bool Metrics::NamedHere(const State& st, const std::string& segment) {
  return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
    return x.in->kind == Kind::kSegment && x.text == segment && !x.in->subject;
  });
}

// The kind segments.lex gives a name (region, line, not, month), else "".
std::string Metrics::SegmentKind(std::string_view name) const {
  const Lexicon::Entry* e = segments_->Find(name);
  return e ? e->Attr("kind") : std::string();
}

// The whole company's goal said between a business and a figure: "X's cost-to-income ratio will
// help the group meet its target of less than 70%" (the target is the group's, not X's).
bool Metrics::WholeBetween(std::string_view text, uint32_t from, uint32_t to) {
  if (to <= from) return false;
  static const RE2 kWhole(
      R"((?i)\bthe\s+(?:group|firm|company)(?:'s)?\s+(?:(?:meeting|reaching|achieving|hitting|meet|reach|achieve|hit)\s+)?(?:its\s+|our\s+)?(?:targets?|goals?|ambitions?)\b)");
  return RE2::PartialMatch(re2::StringPiece(text.data() + from, to - from), kWhole);
}

// A segment named in an aside that defers to its own results ("total cost of revenues, including
// fees, which I will come back to in the Harbor segment results, were $2.1 billion"): not the figure's.
bool Metrics::Deferred(std::string_view s, uint32_t b) {
  static const RE2 kDefer(
      R"((?i)\b(?:which|that)\s+(?:I|we)(?:'ll|\s+will|\s+would)?\s+(?:discuss|cover|address|review|talk\s+about|come\s+back\s+to)\w*\s+(?:[\w-]+\s+){0,2}?(?:in|with|under|as\s+part\s+of)\s+(?:the\s+|our\s+)?$)");
  const size_t from = b > 60 ? b - 60 : 0;
  return RE2::PartialMatch(re2::StringPiece(s.data() + from, b - from), kDefer);
}

// "We have been hiring engineers in India and Poland, so opex should be $12.5 million": a
// place named as where something was done (hiring, opening, investing), in a clause before the
// figure's, is not the figure's segment, nor is the next place of its list (a comma between them
// and the figure; not "In China, opex was ...", nor
// "..., where revenue grew 5%")
bool Metrics::WhereDone(std::string_view s, const Mention& x, uint32_t qb) {
  if (x.e >= qb || s.substr(x.e, qb - x.e).find(',') == std::string_view::npos) return false;
  // (not when the figure's clause points back to it: "..., where revenue grew 5%", "revenue there")
  static const RE2 kBack(R"((?i)^\W*(?:where|in\s+which)\b|\bthere\b)");
  if (RE2::PartialMatch(re2::StringPiece(s.data() + x.e, qb - x.e), kBack)) return false;
  static const RE2 kDone(
      R"((?i)\b(?:re)?(?:hir|open|invest|expand|build|built|launch|recruit|add)\w*\s+(?:[\w'-]+\s+){0,3}?in\s+(?:the\s+)?(?:[\w.-]+(?:\s+[\w.-]+)?(?:,\s+|,?\s+and\s+))*$)");
  const uint32_t b = x.name_at ? x.name_at : x.b;
  const size_t from = b > 48 ? b - 48 : 0;
  return RE2::PartialMatch(re2::StringPiece(s.data() + from, b - from), kDone);
}

// A heading that presents the results of a period: "Let me now walk through our full year 2019
// results.", "Turning to our full-year results" (not "Looking to Q4, ...": a forecast's period)
bool Metrics::ReviewHeading(std::string_view text) {
  static const RE2 kReview(R"((?i)\b(?:review\w*|recap\w*|results|performance)\b)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kReview);
}

// A sentence opening by turning to a topic: "Turning to the U.S., ...", "And finally, moving on to
// ...", "Onto ...".
bool Metrics::TurnsTo(std::string_view text) {
  static const RE2 kTurns(R"((?i)^\W*(?:(?:and|so|now|finally|lastly|then|okay|ok|also)\W+)*(?:turning|moving|switching|on\s*to|onto)\b)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kTurns);
}

// "The effective tax rate was 13% ... Absent the effect of adjusting items, our effective tax
// rate was 11%.": a level whose basis came only from the turn's earlier figures ("adjusted
// EBITDA") is not on that basis when one of the next two sentences gives the same metric another
// level on it in so many words; the first was the reported one.
void Metrics::BasisApart(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const {
  if (made_from == out->metrics.size()) return;  // (a sentence of no figure between them)
  auto said = [&](const std::string& basis) {
    return std::any_of(st->ms.begin(), st->ms.end(), [&](const Mention& x) { return x.in->kind == Kind::kBasis && x.text == basis; });
  };
  const bool near = st->carried_turn == ctx.turn.index && ctx.index - st->carried_at <= 2;
  std::vector<size_t> carried;
  for (size_t i = made_from; i < out->metrics.size(); ++i) {
    const Metric& r = out->metrics[i];
    if (r.basis.empty() || std::isnan(r.value)) continue;
    if (!said(r.basis)) {
      if (!st->framed && r.basis == st->basis) carried.push_back(i);
      continue;
    }
    for (size_t p : st->carried) {
      Metric& before = out->metrics[p];
      if (near && before.metric == r.metric && before.segment == r.segment && before.basis == r.basis && before.value != r.value)
        before.basis.clear();
    }
  }
  st->carried = std::move(carried), st->carried_at = ctx.index, st->carried_turn = ctx.turn.index;
  // (and so is one said before the same metric's level on that basis in the same sentence, the
  // basis named only after it: "Diluted EPS from continuing operations was $1.94, and adjusted EPS
  // was $2.05" after "the adjusted effective tax rate was 22.5%")
  const uint32_t base = ctx.sentence.begin;
  for (size_t i = made_from; i < out->metrics.size(); ++i) {
    Metric& a = out->metrics[i];
    if (a.basis.empty() || std::isnan(a.value) || a.end < base) continue;
    auto named = [&](uint32_t from, uint32_t to) {
      return std::any_of(st->ms.begin(), st->ms.end(), [&](const Mention& x) {
        return x.in->kind == Kind::kBasis && x.text == a.basis && x.b >= from && x.b < to;
      });
    };
    if (named(0, a.end - base)) continue;
    for (size_t j = i + 1; j < out->metrics.size(); ++j) {
      const Metric& b = out->metrics[j];
      // (the basis named between the two, of the second: not "..., both on an FX-adjusted basis")
      if (b.metric == a.metric && b.segment == a.segment && b.basis == a.basis && b.unit == a.unit && b.period == a.period &&
          b.value != a.value && b.start >= a.end && named(a.end - base, b.start - base)) {
        a.basis.clear();
        break;
      }
    }
  }
}

// "Hardware and software revenue both grew 7%": two names said to do the same, one record
// each, with the same figure.
void Metrics::Both(const SentenceContext& ctx, size_t made_from, Tags* out) {
  if (ctx.text.find("both") == std::string_view::npos && ctx.text.find("each") == std::string_view::npos) return;
  static const RE2 kBoth(R"(^[^,.;]{0,40}?\b(?:both|each)\b)");
  for (size_t r = made_from, n = out->metrics.size(); r < n; ++r) {
    const std::string seg = out->metrics[r].segment;
    const size_t and_at = seg.find(" and ");
    if (and_at == std::string::npos || seg.find(" and ", and_at + 1) != std::string::npos || seg.find(',') != std::string::npos)
      continue;
    const size_t at = ctx.text.find(seg);
    if (at == std::string_view::npos) continue;
    const size_t end = at + seg.size();
    if (!RE2::PartialMatch(re2::StringPiece(ctx.text.data() + end, ctx.text.size() - end), kBoth)) continue;
    Metric other = out->metrics[r];
    out->metrics[r].segment = seg.substr(0, and_at), other.segment = seg.substr(and_at + 5);
    out->metrics.push_back(std::move(other));
  }
}

// "Revenue in the Americas, EMEA and APAC grew 8%, 5% and 12%, respectively": a record given a
// list of names and the first figure of as many; the figures after it, which made no record, are
// the other names' (one record each, the same kind of figure).
void Metrics::Respectively(const SentenceContext& ctx, size_t made_from, Tags* out) {
  if (ctx.text.find("respectively") == std::string_view::npos) return;
  static const RE2 kSep(R"((\s*,\s*(?:and\s+)?|\s+and\s+))");
  // (a cue said once is every change's: "... 4% and 12%, respectively, year over year"; none when
  // two say different ones)
  auto cue_kind = [](const std::vector<Comparison>& changes) {
    std::string kind = "vs_prior";
    for (const Comparison& c : changes)
      if (c.kind != "vs_prior") kind = kind == "vs_prior" || kind == c.kind ? c.kind : "";
    return kind;
  };
  for (size_t r = made_from; r < out->metrics.size(); ++r) {
    const Metric rec = out->metrics[r];
    if (rec.segment.find(" and ") == std::string::npos && rec.segment.find(", ") == std::string::npos) continue;
    std::vector<std::string> names;
    re2::StringPiece rest(rec.segment), sep;
    while (RE2::PartialMatch(rest, kSep, &sep)) {
      const size_t at = static_cast<size_t>(sep.data() - rest.data());
      names.emplace_back(rest.data(), at);
      rest.remove_prefix(at + sep.size());
    }
    names.emplace_back(rest.data(), rest.size());
    size_t k = 0;  // the quantity the record was made from
    while (k < ctx.quantities.size() && ctx.quantities[k].start != rec.start) ++k;
    const bool level = !std::isnan(rec.value);
    if (names.size() < 2 || k + names.size() > ctx.quantities.size()) continue;
    // ("Software and services revenue increased 14% and 9%, respectively": the record took every
    // change; one each)
    if (!level && rec.comparisons.size() == names.size()) {
      bool own = true;
      for (size_t j = 0; j < names.size(); ++j)
        own &= rec.comparisons[j].unit == rec.comparisons[0].unit && ctx.quantities[k + j].unit == ctx.quantities[k].unit;
      if (!own) continue;
      const std::string kind = cue_kind(rec.comparisons);
      out->metrics[r].segment = names[0], out->metrics[r].comparisons.resize(1);
      if (!kind.empty()) out->metrics[r].comparisons[0].kind = kind;
      for (size_t j = 1; j < names.size(); ++j) {
        Metric m = rec;
        m.segment = names[j], m.start = ctx.quantities[k + j].start, m.end = ctx.quantities[k + j].end;
        m.comparisons = {rec.comparisons[j]};
        if (!kind.empty()) m.comparisons[0].kind = kind;
        out->metrics.push_back(std::move(m));
      }
      return;
    }
    if (!level && rec.comparisons.size() != 1) continue;
    auto taken = [&](const Quantity& q) {
      return std::any_of(out->metrics.begin() + static_cast<long>(made_from), out->metrics.end(),
                         [&](const Metric& m) { return m.start <= q.start && q.end <= m.end; });
    };
    bool fits = true;
    for (size_t j = 1; j < names.size(); ++j)
      fits &= ctx.quantities[k + j].unit == ctx.quantities[k].unit && !taken(ctx.quantities[k + j]);
    if (!fits) continue;
    // (levels whose record took a change for each name: "... were $1.21 billion and $640 million,
    // up 18% and 6% sequentially, respectively", one change each)
    const bool split = level && rec.comparisons.size() == names.size();
    const std::string kind = split ? cue_kind(rec.comparisons) : "";
    auto one_change = [&](Metric* m, size_t j) {
      if (!split) return;
      m->comparisons = {rec.comparisons[j]};
      if (!kind.empty()) m->comparisons[0].kind = kind;
    };
    out->metrics[r].segment = names[0];
    one_change(&out->metrics[r], 0);
    for (size_t j = 1; j < names.size(); ++j) {
      const Quantity& q = ctx.quantities[k + j];
      Metric m = rec;
      m.segment = names[j], m.start = q.start, m.end = q.end;
      if (level) {
        m.value = q.value, m.low = q.low, m.high = q.high, m.approx = q.approx;
        one_change(&m, j);
      } else {
        Comparison& c = m.comparisons[0];
        const double sign = c.value < 0 ? -1 : 1;
        c.value = sign * std::fabs(q.value), c.low = NAN, c.high = NAN;
      }
      out->metrics.push_back(std::move(m));
    }
    return;
  }
}

// The figures of a line named while the turn reviews a region as a segment are the region's
// line's ("North America Media"); a sentence naming a region as a segment starts the review, a
// figure of no segment (a consolidated total) or of a segment said as one ends it.
void Metrics::RegionLines(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const {
  if (st->region.empty() && out->metrics.size() == made_from) return;  // (no figure starts one)
  static const RE2 kSegmentWord(R"((?i)^\s+(?:segment|business|division)\b)");
  static const RE2 kWhole(R"((?i)^(?:worldwide|global|total|consolidated|company)\b)");
  // (or a region opening the sentence: "Regionally, the Americas had a strong quarter, growing
  // revenue 39%", "In APAC, growth was 27%": the lines said next are the region's)
  std::string named;  // the segment this sentence names as one
  bool opening = false;
  for (const Mention& x : st->ms) {
    if (x.in->kind != Kind::kSegment || x.text.empty()) continue;
    const size_t at = ctx.text.substr(x.b, x.e - x.b).find(x.text);
    if (at == std::string_view::npos) continue;
    const size_t end = x.b + at + x.text.size();
    const bool word = RE2::PartialMatch(re2::StringPiece(ctx.text.data() + end, ctx.text.size() - end), kSegmentWord);
    opening = !word && IsRegion(x.text) && OpensOnRegion(ctx.text.substr(0, x.b + at));
    if (word || opening) {
      named = x.text;
      break;
    }
  }
  // (opened so, by a new paragraph, or by a figure of another kind of segment: "IPG revenue ...")
  if (st->region_lines && ctx.paragraph_start) st->region.clear();
  bool other = false;
  if (!st->region.empty() && named.empty())
    for (size_t i = made_from; i < out->metrics.size(); ++i) {
      std::string& seg = out->metrics[i].segment;
      if (seg.empty() || IsRegion(seg) || seg.find(st->region) != std::string::npos ||
          RE2::PartialMatch(seg, kWhole))
        continue;
      if (st->region_lines && SegmentKind(seg) != "line") {
        other = true;
        continue;
      }
      seg = st->region + " " + seg;
    }
  auto any = [&](auto pred) { return std::any_of(out->metrics.begin() + made_from, out->metrics.end(), pred); };
  // (a region said as a segment with its figures: not "growth in the New to Market segment")
  if (!named.empty())
    st->region = IsRegion(named) && any([&](const Metric& m) { return m.segment == named; }) ? named : "",
    st->region_lines = opening;
  else if (other || any([](const Metric& m) { return m.segment.empty(); }))
    st->region.clear();
}

// The metric named right after `seg` is revenue: a line of business, not a reporting segment.
bool Metrics::RevenueAfter(const State& st, const Mention& seg) {
  return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
    return k.in->kind == Kind::kMetric && k.metric && k.b < seg.e + 40 && k.e > seg.b &&
           k.metric->Name() == "revenue";
  });
}

// The first metric within a few words after `seg` is one other than a volume or balance (class
// none): not "Aggregates shipments rose 4%, and our average price ..."
bool Metrics::FinancialAfter(const State& st, const Mention& seg) {
  auto first = std::find_if(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
    return k.in->kind == Kind::kMetric && k.metric && k.b < seg.e + 40 && k.e > seg.b;
  });
  return first != st.ms.end() && first->metric->Attr("class") != "none";
}

// "Cloud gross margin should be up one point, driven by the accounting change. Excluding that
// impact, gross margin will fall two points": the metric said again of what the sentence before
// it left in is that sentence's segment's.
void Metrics::ThatImpact(const SentenceContext& ctx, State* st, size_t made_from, Tags* out) const {
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

// "Gross margin was 45%. This compares with 43% last quarter and 41% a year ago.": a sentence
// that opens by comparing what was just said holds earlier levels of the record the sentence
// before it made, in that record's unit, when it names no other metric (else it is read as any other)
bool Metrics::Compares(const SentenceContext& ctx, const State& st, Tags* out) const {
  // (or "This is down from about $2.3 billion in the second quarter": not from a forecast, "This is
  // up from our previous guidance of $1.14", a prior guidance's)
  static const RE2 kOpens(
      R"((?i)^\W*(?:and\s+)?(?:this|that|which)\s+(?:compares|compared|is\s+compared|was\s+compared)\s+(?:with|to|against)\b|^\W*(?:and\s+)?(?:this|that)\s+(?:is|was)\s+(?:up|down)\s+from\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?(?:\$|€|£|\d))");
  if (out->metrics.empty() || !RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kOpens)) return false;
  Metric& rec = out->metrics.back();
  if (rec.sentence != ctx.index - 1 || rec.turn != ctx.turn.index) return false;
  // (a margin, of the amount the record gave as a share of revenue: "operating income of $2.1
  // billion, or 41% of revenue. That compares to an operating margin of 39% ...")
  // (a metric named after the last figure gives a reason: "..., due to the share repurchases")
  const uint32_t last_end = ctx.quantities.empty() ? 0 : ctx.quantities.back().end - ctx.sentence.begin;
  for (const Mention& x : st.ms) {
    if (x.in->kind != Kind::kMetric || !x.metric || x.metric->Name() == rec.metric || x.b >= last_end) continue;
    const bool margin_of_rec = rec.share_of == "revenue" && std::any_of(std::begin(kMargins), std::end(kMargins), [&](const auto& p) {
                                 return p.first == rec.metric && p.second == x.metric->Name();
                               });
    if (!margin_of_rec) return false;
  }
  const uint32_t base = ctx.sentence.begin;
  State cmp = st;  // (every period the sentence names is one it compares with: "52% in the third quarter")
  for (Mention& x : cmp.ms)
    if (x.in->kind == Kind::kPeriod) x.comparative = true;
  std::vector<Comparison> cs;
  for (size_t i = 0; i < ctx.quantities.size(); ++i) {
    const Quantity& q = ctx.quantities[i];
    std::string unit = q.unit;
    const uint32_t qb = q.start - base, qe = q.end - base;
    if (unit == "number" && std::fabs(q.value) >= 1e6 && Scaled(ctx.text.substr(qb, qe - qb)))
      if (std::string cur = st.Currency(); !cur.empty()) unit = cur;
    if (unit != rec.unit && !(IsCurrency(unit) && IsCurrency(rec.unit))) return false;
    Comparison c;
    c.type = "from", c.value = q.value, c.unit = unit;
    if (!std::isnan(q.low) && q.low != q.high) c.low = q.low, c.high = q.high;
    if (rec.value < 0 && c.value > 0 && LossBefore(Before(ctx.text, qb))) c.value = -c.value;
    InUnitOf(&c, rec.unit, false);
    const uint32_t next = i + 1 < ctx.quantities.size() ? ctx.quantities[i + 1].start - base : static_cast<uint32_t>(ctx.text.size());
    CompareKind(ctx, cmp, qb, qe, next, &c);
    cs.push_back(std::move(c));
  }
  for (Comparison& c : cs) rec.comparisons.push_back(std::move(c));
  return true;
}

// "We now expect selling expenses to fall 20 to 30 basis points as a share of revenue compared
// to last year": a change against last year, looked ahead to in a sentence that names
// no period (nor carries one still to come), is the fiscal year's, not the quarter the call
// reports ("selling expenses were 9.1% of revenue in the third quarter" before it carries no forecast).
void Metrics::AheadOfYear(const SentenceContext& ctx, const State& st, size_t from, Tags* out) const {
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
    if ((r.period != call.fiscal_period && !r.period.empty()) || r.comparisons.empty() ||
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

// "Our results today are presented on a non-GAAP basis, unless otherwise stated.", "Unless otherwise
// noted, we will refer to adjusted figures", "We will speak primarily to non-GAAP measures today":
// the basis of the call's figures, said once, by whoever speaks (an investor relations host, before
// the figures); not "all comparisons are year over year unless otherwise stated", nor "some remarks
// may refer to non-GAAP measures". A byte search first: this runs on every sentence.
void Metrics::NoteCallBasis(const SentenceContext& ctx, State* st) {
  if (!st->call_basis.empty() || (ctx.text.find("nless otherwise") == std::string_view::npos &&
                                  ctx.text.find("rimarily") == std::string_view::npos))
    return;
  static const RE2 kCallBasis(
      R"((?i)\b(?:results?|discussion|figures|numbers|metrics|measures|comments|remarks|refer\s+to)\b[^.;]*?\b(non-GAAP|adjusted|underlying)\b[^.;]*\bunless\s+otherwise\b|\bunless\s+otherwise\s+(?:specified|stated|noted|indicated|mentioned)\b[^.;]*?\b(non-GAAP|adjusted|underlying)\s+(?:basis|figures|results|numbers|metrics|measures|financial)\b|\b(?:refer|speak|talk|commentary|discussion|remarks|comments|focus)\b[^.;]{0,30}?\bprimarily\s+(?:be\s+)?(?:to|in|on)\s+(?:a\s+)?(non-GAAP|adjusted|underlying)\s+(?:basis|terms|figures|results|numbers|metrics|measures|financial\s+(?:metrics|measures|results))\b)");
  std::string a, b, c;
  if (!RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kCallBasis, &a, &b, &c)) return;
  std::string said = Lower(!a.empty() ? a : !b.empty() ? b : c);
  st->call_basis = said == "non-gaap" ? "non-GAAP" : "adjusted";
}

// "Net income was $410 million" in the opening remarks, "Adjusted net income was $410 million" in
// the CFO's: a level said without a basis that the call gives elsewhere with one, and only one, is that
// basis's (the same metric, value, unit, period and segment). Not a change said alone: "up 4%" is
// said of too many things to tell one from another.
void Metrics::Finish(ModuleState* state, Tags* out) const {
  auto key = [](const Metric& r) {
    if (std::isnan(r.value)) return std::string();
    return fmt::format("{}|{}|{}|{}|{}|{}|{}", r.metric, r.unit, r.period, r.segment, r.value, r.low, r.high);
  };
  std::unordered_map<std::string, std::string> basis;  // key -> its one basis ("" when two differ)
  for (const Metric& r : out->metrics) {
    if (r.basis.empty()) continue;
    std::string k = key(r);
    if (k.empty()) continue;
    auto [it, fresh] = basis.emplace(std::move(k), r.basis);
    if (!fresh && it->second != r.basis) it->second.clear();
  }
  const std::string& call_basis = static_cast<const State*>(state)->call_basis;
  if (basis.empty() && call_basis.empty()) return;
  for (Metric& r : out->metrics) {
    if (!r.basis.empty()) continue;
    const Lexicon::Entry* e = metrics_->Find(r.metric);
    if (!e || e->Attr("basis", "no") == "no") continue;
    if (auto it = basis.find(key(r)); it != basis.end() && !it->second.empty()) r.basis = it->second;
    // (and the call's stated basis: a metric that can be either, said with none)
    else if (!call_basis.empty() && e->Attr("basis") == "yes") r.basis = call_basis;
  }
}

}  // namespace callscope::rules::metrics_detail

namespace callscope::rules {

Result<std::unique_ptr<Module>> MakeMetrics(const Pack& pack) {
  if (!pack.lexicon("metric") || !pack.lexicon("segment"))
    return Status(Code::kRules, "metrics.pack: the metrics module needs lexicons named {metric} and {segment}");
  auto m = std::make_unique<metrics_detail::Metrics>(pack);
  if (!m->error().empty()) return Status(Code::kRules, m->error());
  return std::unique_ptr<Module>(std::move(m));
}

}  // namespace callscope::rules
