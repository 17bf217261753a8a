// Metrics module: the tests attach.cc reads a quantity's surroundings with (what is named right
// after a number, what blocks it, its sign) and the making of a new record (period, basis, segment).
#include "rules/modules/metrics/metrics.h"

namespace callscope::rules::metrics_detail {

// Can a metric of this lexicon class take a level in `unit`? Returns the unit to write, or "".
std::string Metrics::Fits(const Lexicon::Entry& metric, const std::string& unit, bool share_of) {
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
  if (has("units") && unit == "count") return "count";
  if (has("shares") && unit == "shares") return unit;
  if (has("ratio") && (unit == "number" || unit == "x")) return unit;
  return "";
}

// "weakness in Benelux, which was down 7%": the change of the name before "which" (the
// vocabulary's metric names excepted: "revenue, which grew 8%")
bool Metrics::WhichOthers(const State& st, std::string_view s, uint32_t qb) {
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

// "revenue was up 2% and originations were up 42%", "..., and unit costs excluding fuel rose
// 2.3%", "leasing revenue rose, with office growing mid-teens and industrial up high single
// digits": a second subject, in s[from, qb), right before the change at qb (not "and it was up",
// "and the total was up", "and was up", nor an amount: "one hundred and forty million down 2%")
bool Metrics::OtherSubject(std::string_view s, uint32_t from, uint32_t qb) {
  static const RE2 kAndSubject(
      R"(\b(?:and|while|with)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+(?:(?:(?:was|were)\s+(?:also\s+)?)?(?:up|down)|rose|grew|increased|decreased|declined|fell|growing|rising|increasing|declining|decreasing|falling)\s+(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+|around\s+|nearly\s+|over\s+)?(?:in\s+the\s+)?$)");
  static const std::set<std::string, std::less<>> kBack = {"it", "this", "that", "they", "which", "these", "those", "the",
                                                          "total", "overall", "both", "all", "was", "were", "is", "are",
                                                          "has", "have", "had"};
  static const std::set<std::string, std::less<>> kAmount = {"million", "billion", "thousand", "trillion", "percent",
                                                            "dollars", "points", "cents"};
  re2::StringPiece subject;
  if (from > qb || !RE2::PartialMatch(re2::StringPiece(s.data() + from, qb - from), kAndSubject, &subject)) return false;
  std::string_view sub(subject.data(), subject.size());
  // (nor the last of a list of what a measure leaves out: "CASM excluding fuel and special items
  // rose 2.6%")
  static const RE2 kLeftOutList(R"((?i)\b(?:excluding|ex|before|without)\s+(?:[a-z][\w-]*\s+){1,3}and\s+$)");
  const size_t sub_at = static_cast<size_t>(subject.data() - s.data());
  if (sub_at > from && RE2::PartialMatch(re2::StringPiece(s.data() + from, sub_at - from), kLeftOutList)) return false;
  std::string_view first = sub.substr(0, sub.find(' ')), last = sub.substr(sub.rfind(' ') + 1);
  // (a verb's auxiliary ends no subject: "capex for construction and upgrades is increasing by")
  static const std::set<std::string, std::less<>> kAux = {"is", "are", "will", "be", "been", "has", "have", "had", "would", "should"};
  return !kBack.count(first) && !kAmount.count(last) && !kAux.count(last);
}

// "..., highlighted by loyalty program growth of 31%"; "..., with softness in Australia/New
// Zealand, which was down 4%": the change of something the metrics vocabulary does not name,
// which is not the record's.
bool Metrics::OthersGrowth(const State& st, const Matches& m, std::string_view s, uint32_t qb) {
  static const std::set<std::string, std::less<>> kPlain = {
      "strong", "solid", "good", "healthy", "continued", "robust", "organic", "overall", "total", "our",
      "the", "its", "their", "of", "with", "and", "double-digit", "single-digit", "underlying", "reported",
      "sequential", "annual", "year-over-year", "year-on-year", "quarterly", "further", "more", "record", "a",
      "represents", "represent", "reflects", "implies", "shows", "means", "marks", "drives", "continues",
      "high", "low", "mid", "modest", "slight", "slower", "faster", "higher", "lower", "positive", "negative",
      "for", "to", "at", "in", "by", "on", "this", "that", "which", "expect", "see", "saw", "any", "some", "an"};
  if (WhichOthers(st, s, qb)) return true;
  if (OtherSubject(s, 0, qb)) return true;
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

bool Metrics::Scaled(std::string_view t) {
  // (or spoken: "one hundred and ten million", "two point one billion")
  static const RE2 kScale(
      R"((?i)(?:\d\s*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty|hundred|thousand)\s+)(?:million|billion|trillion|bn|mn|crores?|lakhs?)\b)");
  return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), kScale);
}

// "Core FFO and AFFO were $1.12 and $1.08 per share, up 4.1% and 6.3%, respectively": the n-th
// quantity of a list said before "respectively" goes to the n-th of the metrics named last before it.
// With fewer metrics named than quantities listed, `slot` keeps each one's place in the list, for
// the records the sentence made before it.
void Metrics::Respectively(const SentenceContext& ctx, const State& st, std::vector<const Mention*>* forced,
                  std::vector<std::pair<int, int>>* slot) const {
  const size_t nq = ctx.quantities.size();
  forced->assign(nq, nullptr);
  slot->assign(nq, {0, 0});
  std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin;
  static const RE2 kListGap(R"(^\s*,?\s*(?:and\s+)?$)");
  auto gap = [&](size_t k) {
    std::string_view g = s.substr(ctx.quantities[k - 1].end - base, ctx.quantities[k].start - ctx.quantities[k - 1].end);
    return RE2::FullMatch(re2::StringPiece(g.data(), g.size()), kListGap);
  };
  size_t resp = s.find("respectively");
  if (resp == std::string_view::npos) return Paired(ctx, st, gap, forced);
  for (size_t i = 0; i < nq;) {
    size_t j = i + 1;
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

// "Revenue and operating income were $900 million and $120 million": two metrics joined by "and"
// said to be two figures joined by "and", each of one unit, pair in order, "respectively" unsaid
// (not a list of three figures; one of no metric takes its figure from the other: "Loan balances
// and revenue were $4 billion and $900 million")
void Metrics::Paired(const SentenceContext& ctx, const State& st, const std::function<bool(size_t)>& gap,
                     std::vector<const Mention*>* forced) {
  const size_t nq = ctx.quantities.size();
  const std::string_view s = ctx.text;
  const uint32_t base = ctx.sentence.begin;
  static const RE2 kAnd(R"(^,?\s+and\s+(?:the\s+|our\s+)?$)");  // (a mention's match may hold the "and")
  static const RE2 kWere(R"((?i)^\s+(?:were|of|came\s+in\s+at|totaled|totalled)\s+(?:(?:about|approximately|roughly|around)\s+)?$)");
  auto fits = [&](uint32_t b, uint32_t e, const RE2& re) {
    return b <= e && RE2::FullMatch(re2::StringPiece(s.data() + b, e - b), re);
  };
  for (size_t i = 0; i + 1 < nq; ++i) {
    const Quantity &q1 = ctx.quantities[i], &q2 = ctx.quantities[i + 1];
    if (q1.unit != q2.unit || !gap(i + 1) || (i + 2 < nq && gap(i + 2)) || (i > 0 && gap(i))) continue;
    // (the regexes only over gaps short enough to hold their words)
    const Mention *m1 = nullptr, *m2 = nullptr;
    const uint32_t qb = q1.start - base;
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kMetric && x.e <= qb && qb - x.e <= 40 && fits(x.e, qb, kWere)) m2 = &x;
    if (!m2) continue;
    const uint32_t name = std::max(m2->b, m2->name_at);
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kMetric && x.e <= m2->b && name - x.e <= 16 && fits(x.e, name, kAnd)) m1 = &x;
    if (!m1 || m1->metric == m2->metric) continue;
    (*forced)[i] = m1, (*forced)[i + 1] = m2;
  }
}

// A basis said right after the figure [qb, qe) (after=1, its match holding the number's end):
// "widened gross margin to 31.2% excluding the plant closure costs".
const Mention* Metrics::RightAfter(const State& st, uint32_t qb, uint32_t qe) {
  for (const Mention& x : st.ms)
    if (x.in->kind == Kind::kBasis && x.in->right_after && x.b >= qb && x.b < qe && x.e > qe) return &x;
  return nullptr;
}

// The metric named between the number and a noun of change: "20% revenue growth", "15% EPS increase".
const Mention* Metrics::MetricGrowthAfter(const State& st, std::string_view s, uint32_t qe) {
  // (or with a word of when or of basis between: "8% sequential revenue growth", "4% organic
  // revenue growth"; or "segment": "20% segment operating profit growth"; or a name that is a
  // growth itself: "4% organic growth", not another segment's: "down 9% and China organic growth")
  static const RE2 kGrowth(R"((?i)^\s+(?:growth|increase)\b)");
  static const RE2 kWhen(R"((?i)^\s+(?:sequential|year-over-year|year-on-year|segment|organic|underlying|comparable)\s+$)");
  static const RE2 kGrowthName(R"((?i)\bgrowth$)");
  // (not across a clause's break: "revenue was $5 billion; spending growth of 3% helped"; nor
  // the next metric of a list, its match holding the "and": "revenue growth of 10% and EPS growth
  // of 15%")
  static const RE2 kAnd(R"((?i)^\W*(?:and|or)\b)");
  for (const Mention& x : st.ms)
    if (x.in->kind == Kind::kMetric && x.b >= qe && s.substr(qe, x.b - qe).find_first_of(",;:") == std::string_view::npos &&
        !RE2::PartialMatch(re2::StringPiece(s.data() + qe, x.e - qe), kAnd) &&
        (x.b - qe <= 2 || (x.b - qe <= 20 && RE2::FullMatch(re2::StringPiece(s.data() + qe, x.b - qe), kWhen))) &&
        (RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kGrowth) ||
         (x.text.empty() && RE2::PartialMatch(re2::StringPiece(s.data() + x.b, x.e - x.b), kGrowthName))))
      return &x;
  return nullptr;
}

// A noun of change right after the number: "a 15% increase" (a rule with named=after); not one
// after a comma, the next item of a list ("sales growth of 15%, growth in the gross margin").
const Mention* Metrics::NounAfter(const State& st, std::string_view s, uint32_t qe) {
  for (const Mention& k : st.ms)
    if (k.in->kind == Kind::kChange && k.b >= qe && k.b - qe <= 2 && k.in->named_after &&
        s.substr(qe, k.b - qe).find_first_of(",;") == std::string_view::npos)
      return &k;
  return nullptr;
}

// A thing named right after a noun of change at `e` ("in yields") that is no period, currency or
// basis.
bool Metrics::OtherThingAfter(std::string_view s, uint32_t e) {
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
// (or after a segment's name: "a 12% increase in Brazil revenue", the name in `*seg`)
const Mention* Metrics::NamedAfter(const State& st, std::string_view s, const Mention& noun, const Mention** seg) {
  static const RE2 kIn(R"((?i)^\s+(?:in|of|to)\s+(?:the\s+|our\s+|total\s+)?(?:quarterly\s+|annual\s+)?$)"), kPer(R"((?i)^\s+per\b)");
  // ("of incremental adjusted EBITDA": the noun holds the "of")
  // (a metric mention may open at "GAAP", read as a segment's acronym: "non-GAAP operating profit")
  static const RE2 kRightAfter(R"((?i)^\s+(?:(?:non-GAAP|GAAP|adjusted|underlying|annual|recurring)\s+)*(?:non-)?$)");
  const bool holds_of = s.substr(noun.b, 3) == "of " || s.substr(noun.b, 3) == "in ";
  const RE2& lead = holds_of ? kRightAfter : kIn;
  auto at = [&](uint32_t b) { return b >= noun.e && b - noun.e <= 26 && RE2::FullMatch(re2::StringPiece(s.data() + noun.e, b - noun.e), lead); };
  *seg = nullptr;
  for (const Mention& x : st.ms) {
    if (x.in->kind != Kind::kMetric || x.b < noun.e) continue;
    const Mention* own = nullptr;
    if (!at(x.b))
      for (const Mention& y : st.ms)  // (a name of a few words, no clause's break: not "in Brazil, and revenue")
        if (y.in->kind == Kind::kSegment && !y.text.empty() && y.name_at > noun.e && y.name_at < x.b && x.b - y.name_at <= 40 &&
            s.substr(y.name_at, x.b - y.name_at).find_first_of(",;:") == std::string_view::npos && at(y.name_at))
          own = &y;
    if (!own && !at(x.b)) continue;
    if (RE2::PartialMatch(re2::StringPiece(s.data() + x.e, s.size() - x.e), kPer)) return nullptr;
    *seg = own;
    return &x;
  }
  return nullptr;
}

// The figure `f` is a region's in a list of regions' levels after the record's: the region its
// subject ("..., EMEA was $455 million and APAC was $301 million") or said right after it as after
// the record's figure ("21% in the Americas and 14% in EMEA").
bool Metrics::RegionList(const SentenceContext& ctx, const State& st, const Figure& f, const Walk& walk) const {
  std::string_view s = ctx.text;
  // (from the record's figure or the change said after it: "$301 million, down 2%, and Japan was ...")
  const uint32_t prev = f.i > 0 ? ctx.quantities[f.i - 1].end - ctx.sentence.begin : 0;
  const uint32_t rec_end = std::max(walk.rec_end, prev <= f.qb ? prev : 0);
  static const RE2 kLead(R"(^\s*,?\s*(?:(?:and|but|while|whereas)\s+)?(?:the\s+)?$)");
  static const RE2 kVerb(R"(^\s+(?:was|were|came\s+in\s+at|stood\s+at|reached|totaled|totalled|at)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+)?$)");
  for (const Mention& x : st.ms)
    if (x.in->kind == Kind::kSegment && IsRegion(x.text) && x.name_at >= rec_end && x.e <= f.qb &&
        RE2::FullMatch(re2::StringPiece(s.data() + rec_end, x.name_at - rec_end), kLead) &&
        RE2::FullMatch(re2::StringPiece(s.data() + x.e, f.qb - x.e), kVerb))
      return true;
  const auto& after = st.region_after;
  if (f.i == 0 || !after[f.i] || !after[f.i - 1] || walk.rec->end != ctx.quantities[f.i - 1].end) return false;
  static const RE2 kAnd(R"(^\s*,?\s*(?:and\s+)?$)");
  const uint32_t pe = after[f.i - 1]->e;
  return pe <= f.qb && RE2::FullMatch(re2::StringPiece(s.data() + pe, f.qb - pe), kAnd);
}

// Whether period mention `x` is said right after text position `end` (a figure's end): "in the
// quarter", "for the full year".
static bool PeriodRightAfter(std::string_view s, uint32_t end, const Mention& x) {
  static const RE2 kLeadIn(
      R"(^\s+(?:(?:in|for|during|over|through)\s+)?(?:(?:the|this|our)\s+)?(?:(?:full|fiscal|whole|entire)\s+)?$)");
  return x.b >= end && x.b - end <= 24 && RE2::FullMatch(re2::StringPiece(s.data() + end, x.b - end), kLeadIn);
}

// "Free cash flow was $142 million in the quarter and $455 million for the full year": a level
// said after the record's, the record's own period named between them and another right after
// it, is the record's metric again, of that period (not "... in the quarter and $40 million of
// buybacks": a metric of its own)
bool Metrics::PeriodList(const SentenceContext& ctx, const State& st, const Figure& f, const Walk& walk) {
  const std::string_view s = ctx.text;
  const Metric* rec = walk.rec;
  if (f.i == 0 || !rec || rec->sentence != ctx.index || std::isnan(rec->value) || rec->end < ctx.sentence.begin)
    return false;
  const uint32_t prev = rec->end - ctx.sentence.begin;
  if (prev > f.qb || f.qb - prev > 64) return false;
  // (the first's change may come between: "$500 million in the quarter, up 4%, and $1.9 billion for the year")
  static const RE2 kAnd(
      R"(^(?:\s*,\s*(?:up|down)\s+[^,;]{1,24}?)?\s*,?\s+(?:and|while|with)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+|more\s+than\s+)?$)");
  const Mention* between = nullptr;
  bool after = false;
  for (const Mention& x : st.ms) {
    if (x.in->kind != Kind::kPeriod || x.comparative) continue;
    if (x.e <= f.qb && PeriodRightAfter(s, prev, x)) between = &x;
    if (PeriodRightAfter(s, f.qe, x)) after = true;
  }
  return between && after && RE2::FullMatch(re2::StringPiece(s.data() + between->e, f.qb - between->e), kAnd);
}

// The name of the business whose share of revenue `f` is, in a list after the record's share with
// the verb left out ("automotive represented 38% of revenue, industrial 34% and consumer 11%");
// empty if it is none.
std::string Metrics::ShareList(const SentenceContext& ctx, const Figure& f, const Metric& rec) {
  if (f.i == 0 || f.unit_q != "%" || rec.share_of != "revenue" || rec.segment.empty() || rec.sentence != ctx.index)
    return {};
  const uint32_t prev = ctx.quantities[f.i - 1].end - ctx.sentence.begin;
  if (prev > f.qb || f.qb - prev > 64 || rec.end - ctx.sentence.begin > prev) return {};
  // (a share of a part of revenue, "54% of product revenue, Archivist 31%"; a brand's products,
  // "our Beacon monitoring products 15%")
  static const RE2 kName(
      R"(^(?:\s+of\s+(?:total\s+|[a-z]+\s+)?(?:revenues?|sales))?\s*,?\s*(?:and\s+)?(?:our\s+|the\s+)?([A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*){0,2}?)(?:\s+(?:[a-z][\w-]*\s+){0,3}?(?:products|solutions|offerings|brands))?\s+$)");
  std::string name;
  if (!RE2::FullMatch(re2::StringPiece(ctx.text.data() + prev, f.qb - prev), kName, &name) || NotAName(name)) return {};
  // (not a share of something else said next: "industrial 34% of its orders")
  static const RE2 kOfAfter(R"(^\s+of\b)");
  if (RE2::PartialMatch(re2::StringPiece(ctx.text.data() + f.qe, ctx.text.size() - f.qe), kOfAfter)) return {};
  return name;
}

// The business named alone between a change and the next number, its verb left out, in a list
// of changes ("Product revenue grew 10%, and services 5%", "... up 46%, and enterprise 21%"): a
// line of the vocabulary (its canonical name) or a capitalised name; empty if it is none.
std::string Metrics::ChangeListName(std::string_view s, uint32_t from, uint32_t qb) const {
  // (a few words at most: the regex runs for many quantities, and a long gap is no list)
  if (from > qb || qb - from > 64) return {};
  static const RE2 kName(
      R"(^\s*(?i:(?:year|quarter)[\s-]*(?:over|on)[\s-]*(?:year|quarter)|sequentially)?\s*(?:,\s*(?i:and\s+|while\s+)?|\s+(?i:and|while)\s+)([A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*){0,2})\s+(?i:by\s+)?$)");
  std::string name;
  if (!RE2::FullMatch(re2::StringPiece(s.data() + from, qb - from), kName, &name) || NotAName(name)) return {};
  if (const Lexicon::Entry* e = segments_->Find(name)) return e->Attr("kind") == "month" || e->Attr("kind") == "not" ? "" : e->canonical;
  return name[0] >= 'A' && name[0] <= 'Z' ? name : "";
}

// A segment named right after a metric's name ending at `e`: "orders with Brazil", "return on
// equity for general insurance" (not what is left out: "revenue excluding Brazil", which no
// segment mention holds).
const Mention* Metrics::SegmentAfterName(const State& st, std::string_view s, uint32_t e) {
  static const RE2 kLead(R"((?i)^\s+(?:in|for|from|with|across|within|at)\s+(?:the\s+|our\s+)?$)");
  for (const Mention& y : st.ms)
    if (y.in->kind == Kind::kSegment && !y.text.empty() && y.name_at > e && y.name_at - e <= 16 &&
        RE2::FullMatch(re2::StringPiece(s.data() + e, y.name_at - e), kLead))
      return &y;
  return nullptr;
}

// A sentence break a speech-to-text transcript lost between `from` and `to`: a period after a
// word, then a lower-case word ("on a richer services mix. operating income rose 8%"), not
// after an abbreviation ("up 5% vs. last year").
bool Metrics::LostBreak(std::string_view s, uint32_t from, uint32_t to) {
  static const RE2 kBreak(R"(\b([a-z]{2,})\.\s+[a-z])");
  static const std::set<std::string, std::less<>> kAbbrev = {"vs", "approx", "incl", "excl", "est", "etc", "ex",
                                                             "no", "mm", "bn", "yr", "yrs", "qtr", "avg", "cf", "al"};
  re2::StringPiece rest(s.data() + from, to > from ? to - from : 0), word;
  while (RE2::FindAndConsume(&rest, kBreak, &word))
    if (!kAbbrev.count(std::string_view(word.data(), word.size()))) return true;
  return false;
}

// Quantities i and i + 1 joined by "and" alone: "$80 million and 27% of revenue".
bool Metrics::AndBetween(const SentenceContext& ctx, size_t i) {
  if (i + 1 >= ctx.quantities.size()) return false;
  static const RE2 kAnd(R"(^\s*,?\s*and\s+$)");
  const uint32_t from = ctx.quantities[i].end, to = ctx.quantities[i + 1].start;
  return RE2::FullMatch(re2::StringPiece(ctx.text.data() + (from - ctx.sentence.begin), to - from), kAnd);
}

// "compared to $295 million, or 29% of revenue": a share of revenue (the caller checks the unit)
// said right after an earlier amount, with ", or", is the share's earlier level too.
bool Metrics::ShareAfterFrom(std::string_view s, uint32_t prev_end, uint32_t qb, uint32_t qe) {
  static const RE2 kOr(R"(^\s*,?\s*or\s+$)"), kOfSales(R"((?i)^\s+of\s+(?:total\s+|net\s+)?(?:revenues?|sales)\b)");
  return prev_end <= qb && RE2::FullMatch(re2::StringPiece(s.data() + prev_end, qb - prev_end), kOr) &&
         RE2::PartialMatch(re2::StringPiece(s.data() + qe, s.size() - qe), kOfSales);
}

// Whether the mention at [b, e) sits in a relative clause set off by commas before the figure at qb: "Backlog,
// which we expect to recognize over the next year, came to $4.2 billion".
bool Metrics::InAside(std::string_view s, uint32_t b, uint32_t e, uint32_t qb) {
  static const RE2 kWhichAside(R"((?i),\s*(?:which|that|who)\s[^,;]*$)");
  return e <= qb && s.substr(e, qb - e).find(',') != std::string_view::npos &&
         RE2::PartialMatch(re2::StringPiece(s.data(), b), kWhichAside);
}

// "we are building stock to serve the business, which has grown about 40% a quarter":
// a figure inside a relative clause about a noun said after the metric (no figure between them)
// is not the metric's (not "Revenue was $5 billion, which was up 5%", nor "revenue, which grew 5%").
bool Metrics::OtherAntecedent(const SentenceContext& ctx, uint32_t e, uint32_t qb) {
  if (e >= qb) return false;
  std::string_view s = ctx.text;
  const size_t comma = s.substr(e, qb - e).rfind(',');
  if (comma == std::string_view::npos || comma == 0) return false;
  const uint32_t at = e + static_cast<uint32_t>(comma);
  // (this runs for every metric named before a figure: the regex only where "which"/"that" follows)
  const std::string_view clause = s.substr(at, std::min<size_t>(qb - at, 12));
  if (clause.find("hich") == std::string_view::npos && clause.find("hat") == std::string_view::npos) return false;
  static const RE2 kWhich(R"((?i)^,\s*(?:which|that)\s[^,;]*$)");
  if (!RE2::FullMatch(re2::StringPiece(s.data() + at, qb - at), kWhich)) return false;
  for (const Quantity& q : ctx.quantities)
    if (q.start - ctx.sentence.begin >= e && q.start - ctx.sentence.begin < at) return false;
  const std::string_view between = s.substr(e, at - e);
  return std::any_of(between.begin(), between.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// "... and then", ", then" between `from` and `to`: a later step of what the sentence tells.
bool Metrics::ThenBetween(std::string_view s, uint32_t from, uint32_t to) {
  static const RE2 kThen(R"((?i)(?:\band|,)\s+then\b)");
  return from <= to && RE2::PartialMatch(re2::StringPiece(s.data() + from, to - from), kThen);
}

// The period of a figure looked ahead to that names none and carries none (YearAhead, not the
// quarter the call reports): on a fourth quarter's or a full year's call, the year ahead ("We'd
// expect capital expenditures of around $1.5 billion"); guidance or an outlook said so on another
// quarter's call, the fiscal year ("We are raising the low end of our adjusted EPS guidance, now
// $10.55 to $10.65"); else none.
std::string Metrics::YearAhead(const Call& call, std::string_view text) {
  if (!call.fiscal_year) return {};
  if (call.fiscal_quarter == 4) return fmt::format("FY {}", call.fiscal_year + 1);
  static const RE2 kGuidance(R"((?i)\b(?:guidance|outlook)\b)");
  if (call.fiscal_quarter && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kGuidance))
    return fmt::format("FY {}", call.fiscal_year);
  return {};
}

// Whether the figure at qb is looked ahead to: a cue of the future before it and no verb of a
// result between the cue and it ("We expect DSO to come back to about 50 days"; not "total costs,
// which I will come back to, were $17.9 billion"). Such a figure with no period named or carried
// has the one YearAhead gives, not the quarter the call reports.
bool Metrics::LooksAheadTo(const SentenceContext& ctx, const State& st, uint32_t qb) {
  if (!st.forward) return false;
  uint32_t cue = UINT32_MAX;
  for (const Mention& f : st.ms)
    if (f.in->kind == Kind::kForward && f.e <= qb && !InAside(ctx.text, f.b, f.e, qb)) cue = f.e;
  // (or an answer's bare noun phrase, the cue after it: "Capital expenditures of around $1.5
  // billion, and free cash flow should be above $11 billion")
  static const RE2 kBare(R"((?i)^\W*(?:(?:and|then|so)\s+)?(?:[\w&-]+\s+){1,5}(?:of|at)\s+(?:around\s+|about\s+|approximately\s+|roughly\s+)?$)");
  // (no result's verb between: not "Revenue of $5 billion was up 6%, and we expect ...")
  static const RE2 kResult(fmt::format(R"((?i)\b(?:{}|had|saw|was|were)\b)", kResultVerbs));
  if (cue == UINT32_MAX) {
    uint32_t later = UINT32_MAX;
    for (const Mention& f : st.ms)
      if (f.in->kind == Kind::kForward && f.b >= qb) later = std::min(later, f.b);
    return later != UINT32_MAX && RE2::FullMatch(re2::StringPiece(ctx.text.data(), qb), kBare) &&
           !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + qb, later - qb), kResult);
  }
  return !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + cue, qb - cue), kResult);
}

// "4.1% and 6.3% year-on-year increases": the plural noun of change after the pair that
// quantity i opens, else nullptr.
const Mention* Metrics::PluralChangeAfter(const SentenceContext& ctx, const State& st, size_t i) {
  if (!AndBetween(ctx, i)) return nullptr;
  const uint32_t ne = ctx.quantities[i + 1].end - ctx.sentence.begin;
  for (const Mention& x : st.ms)
    if (x.in->kind == Kind::kChange && x.in->attr == "1" && x.b >= ne && x.b - ne <= 2 && ctx.text[x.e - 1] == 's') return &x;
  return nullptr;
}

// A cue that the number is not the metric itself: "unfavorable impact", "credit capacity".
bool Metrics::Blocked(const State& st, std::string_view s, uint32_t prev_end, uint32_t qb, uint32_t qe,
                    const std::string& unit) {
  return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
    if (k.in->kind != Kind::kBlock || (!k.in->unit.empty() && k.in->unit != unit)) return false;
    if (k.in->attr == "sentence") return true;
    // (one may start inside the quantity before: "1,240 customers with ARR over $100,000", a count)
    if (k.in->attr == "next")  // not inside the quantity: "$1.74, plus or minus $0.08" is one range
      return k.e > prev_end && k.b < qe && (k.e >= qb || qb - k.e <= 12) && !(k.b >= qb && k.e <= qe);
    const bool before = k.b >= prev_end && k.e <= qb && qb - k.e <= 40;  // since the previous quantity
    if (k.in->attr == "1") return k.b >= qe && k.b - qe <= 2;
    // (nometric=1: unless the match names a metric or a business, whose change it is: "as revenue
    // grew 12%", "while the US was up 30%")
    if (k.in->attr == "before")
      return before && (k.m->rule->Attr("nometric") != "1" || std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
                          return ((x.in->kind == Kind::kMetric && !IsNone(*x.metric)) || x.in->kind == Kind::kSegment) && x.b >= k.b && x.e <= k.e;
                        }));
    if (k.in->attr == "adjacent") return k.e <= qb && qb - k.e <= 2;
    if (k.in->attr == "words") return k.b >= qe && (k.b - qe <= 2 || WordsBetween(st, s, qe, k));
    // after it, unless a clause of cause comes between: "down $210 million, or 3%, driven by the
    // impact of", "improved 120 basis points reflecting the benefit of", "down 6%, including a $0.03
    // headwind"; nor past "and a/the/our", which opens the next item: "$3.44 per share and an
    // annualized return on equity of 21.4%", not "$450 million in cash and forward equity")
    // (or the amount's own metric, said right after it: "$284 million of cash and total liquidity
    // of $713 million")
    // nor past another number or ", which", whose figure it is: "$0.74 per share, or $2.96
    // annualized", "$0.74 per share, which is an annualized rate of $2.96"; nor past ", as": "down
    // 40 basis points, as currency was a headwind of about 30 basis points")
    static const RE2 kCause(
        R"((?i)(?:,\s*|\s)(?:driven\s+by|due\s+to|reflecting|because\s+of|including|which|and\s+(?:an?|the|our|its))\b|,\s*as\b|\d)");
    auto own_metric_between = [&] {
      return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
        return x.in->kind == Kind::kMetric && !IsNone(*x.metric) && x.b >= qe && x.e + 1 < k.b && x.name_at - qe <= 4 &&
               s.substr(qe, x.name_at - qe) == " of ";
      });
    };
    return before || (k.b >= qe && k.b - qe <= 20 && !RE2::PartialMatch(re2::StringPiece(s.data() + qe, k.b - qe), kCause) &&
                      !own_metric_between());
  });
}

// One or two words, none of them a metric's, between a number and what follows them: "$96
// million mark-to-market gain", "$300 million in impairment charges"; not a clause of cause
// ("improved 150 basis points reflecting the benefit of ...").
bool Metrics::WordsBetween(const State& st, std::string_view s, uint32_t qe, const Mention& k) {
  static const RE2 kWords(R"(^\s+(?:[A-Za-z-]+\s+){1,2}$)");
  static const RE2 kCause(
      R"((?i)^\s+(?:reflecting|reflects|driven|due|because|thanks|helped|led|and|but|while|which|despite|primarily|mainly|largely|partly|partially|including)\b)");
  std::string_view gap = s.substr(qe, k.b - qe);
  return gap.size() <= 30 && RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kWords) &&
         !RE2::PartialMatch(re2::StringPiece(gap.data(), gap.size()), kCause) &&
         std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) { return x.in->kind == Kind::kMetric && x.e > qe && x.b < k.e; });
}

bool Metrics::InMetric(const State& st, const Mention& x) {
  return std::any_of(st.ms.begin(), st.ms.end(),
                     [&](const Mention& k) { return k.in->kind == Kind::kMetric && x.b >= k.b && x.e <= k.e; });
}

bool Metrics::InShareOf(const State& st, const Mention& x) {
  return std::any_of(st.ms.begin(), st.ms.end(),
                     [&](const Mention& k) { return k.in->kind == Kind::kShareOf && x.b >= k.b && x.e <= k.e; });
}

// ... in the call's currency, where the call names one ("revenue growth of 5%" in a call in C$)
std::string Metrics::DefaultUnit(const Lexicon::Entry& metric, const State& st) {
  std::string u = DefaultUnit(metric);
  if (const std::string cur = st.Currency(); !cur.empty() && u.starts_with("USD")) u = cur + u.substr(3);
  return u;
}

std::string Metrics::DefaultUnit(const Lexicon::Entry& metric) {
  std::string cls = metric.Attr("class");
  if (cls.starts_with("money")) return "USD";
  if (cls == "per_share") return "USD/share";
  if (cls == "pct") return "%";
  if (cls == "days") return "days";
  if (cls == "count") return "count";
  if (cls == "shares") return "shares";
  return "number";
}

// A region named right after the number, "12% for EMEA", "up 5% in the U.S.".
const Mention* Metrics::RegionAfter(const SentenceContext& ctx, const State& st, uint32_t qe) const {
  static const RE2 kLead(R"((?i)^\s*(?:for|in)\s+(?:the\s+)?\S)");
  for (const Mention& x : st.ms) {
    if (x.in->kind != Kind::kSegment || x.b < qe || x.b - qe > 12) continue;
    const Lexicon::Entry* e = segments_ ? segments_->Find(x.text) : nullptr;
    std::string_view lead = ctx.text.substr(qe, x.e - qe);
    // (or a business in capitals right after a change: "9% in Flow")
    const bool business = !e && x.in->right_after && !x.text.empty();
    if (((e && e->Attr("kind") == "region") || business) && RE2::PartialMatch(re2::StringPiece(lead.data(), lead.size()), kLead))
      return &x;
  }
  return nullptr;
}

// A comparison in its record's unit: a bare number takes it, and so does an amount whose currency
// was only the call's, guessed ("reduced fully diluted shares by 25 million"); an amount next to
// a per-share record is per share ("$0.41 compared with $0.32").
void Metrics::InUnitOf(Comparison* c, const std::string& unit, bool guessed) {
  if (c->unit == "number" || (guessed && !IsCurrency(unit) && !unit.ends_with("/share"))) c->unit = unit;
  if (unit.ends_with("/share") && IsCurrency(c->unit)) c->unit += "/share";
}

// "a loss of", "a net loss of", "negative" right before a number (the text before it).
bool Metrics::LossBefore(std::string_view before) {
  static const RE2 kLossOf(
      R"((?i)\b(?:an?\s+(?:\w+\s+)?loss\s+of|negative)\s+(?:(?:approximately|about|roughly|around|nearly|almost|over|some|just\s+under|just\s+over)\s+)?$)");
  return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kLossOf);
}

// "a benefit of" right before a number (the text before it): "the tax rate was a benefit of 13%".
bool Metrics::BenefitBefore(std::string_view before) {
  static const RE2 kBenefitOf(
      R"((?i)\ban?\s+(?:\w+\s+)?benefit\s+of\s+(?:(?:approximately|about|roughly|around|nearly|almost)\s+)?$)");
  return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kBenefitOf);
}

// "benefit" said right after a number, a word or two of the metric between: "a $1.4 billion
// provision expense benefit".
static bool BenefitAfter(std::string_view after) {
  static const RE2 kBenefitAfter(R"((?i)^\s+(?:(?:provision|expense|tax|credit)\s+){0,2}benefit\b)");
  return RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kBenefitAfter);
}

// "loss" right after a number (the text after it): "a $15 million loss".
bool Metrics::LossAfter(std::string_view after) {
  // (not a loss ratio named after it: "between 70% and 75% loss ratio")
  static const RE2 kLossAfter(R"((?i)^\s+(?:net\s+|operating\s+)?loss\b)"),
      kLossRatio(R"((?i)^\s+loss\s+(?:ratios?|rates?|and\s+(?:LAE|loss))\b)");
  const re2::StringPiece a(after.data(), after.size());
  return RE2::PartialMatch(a, kLossAfter) && !RE2::PartialMatch(a, kLossRatio);
}

// A level in the metric's sign: "a net loss of $12.5 million" is net_income -12.5 million, and so
// is any level stated as a loss: "Leasing segment EBITDA was a loss of $19 million", "between
// $120 million loss and $40 million loss"; a rate of a metric with benefit=-1 said as "a benefit of
// 13%" is -13%.
void Metrics::SetLevel(Metric* r, const Quantity& q, const Lexicon::Entry& metric, std::string_view before,
                     std::string_view after) {
  // (a range already at or below zero is as said: "a loss of $2 million to breakeven")
  bool loss = (metric.Attr("sign") == "-1" || LossBefore(before) || LossAfter(after) ||
               (metric.Attr("benefit") == "-1" && (BenefitBefore(before) || BenefitAfter(after)))) &&
              !(q.low < q.high && q.high <= 0);
  r->value = loss ? -std::fabs(q.value) : q.value;
  r->low = loss ? -std::fabs(q.high) : q.low;
  r->high = loss ? -std::fabs(q.low) : q.high;
}

// "Regionally, Asia grew 20% and Europe 8%": the regions of the business the sentences just
// before reviewed ("Advisory revenues rose 15%. ..."), not of the whole company (nor a region's
// share of the total: "Geographically, Europe was 27% of revenue"). Returns `seg` otherwise.
std::string Metrics::OfBusiness(const SentenceContext& ctx, const State& st, const std::string& seg, uint32_t qe) const {
  // (or a clause opening the sentence that says so, "Looking at regional performance,
  // ...", the whole company named nowhere before the number: not "Total revenue from a geographic
  // perspective grew 7% for the Americas")
  static const RE2 kWhole(R"((?i)\b(?:total|overall|company|consolidated|enterprise|firm|group)\b)");
  static const RE2 kOfTotal(R"((?i)^\s+of\s+(?:our\s+)?(?:total\s+)?(?:net\s+)?(?:revenues?|sales)\b)");
  // (the cheap tests first: this runs for every record)
  const re2::StringPiece text(ctx.text.data(), ctx.text.size());
  // (nor when that sentence listed several: "Direct-to-consumer revenue grew 7%, while wholesale
  // revenue declined 2%. By region, Americas revenue increased 2%" is the company's)
  if (seg.empty() || st.business.empty() || st.businesses || ctx.index - st.business_at > kOpenerReach || !IsRegion(seg) ||
      !(OpensRegionally(ctx.text) ||
        (RegionalClause(ctx.text) && !RE2::PartialMatch(text.substr(0, qe), kWhole))) ||
      RE2::PartialMatch(re2::StringPiece(ctx.text.data() + qe, ctx.text.size() - qe), kOfTotal))
    return seg;
  return InRegion(seg, st.business);
}

Metric Metrics::New(const SentenceContext& ctx, const State& st, const Mention& mm, uint32_t qb, uint32_t qe, uint32_t next,
           const Mention* seg_between) const {
  Metric r = New(ctx, st, mm.metric, qb, qe, next, seg_between, static_cast<int64_t>(mm.e));
  if (!mm.text.empty()) r.segment = WholeBetween(ctx.text, mm.e, qb) ? "" : OfBusiness(ctx, st, mm.text, qe);
  // "in EMEA, our leasing revenue fell 16%": a line of business said in a region the sentence named
  // before it is the line's in the region
  // (or right after it: "subscription revenue in EMEA rose 16%")
  if (!r.segment.empty() && r.segment == mm.text && SegmentKind(mm.text) == "line")
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kSegment && IsRegion(x.text) &&
          ((x.e <= mm.b && !WholeBetween(ctx.text, x.e, qb)) || (x.b >= mm.e && x.e <= qb && &x == seg_between)))
        r.segment = InRegion(x.text, mm.text);
  // "Segment operating income increased 12%", paragraphs after "Revenue from Devices was ...":
  // the segment the turn last opened (not a line named since: "Console revenue rose 9%")
  // (and every metric of a sentence that opens so: "..., and gross margin percentage rose"; not
  // a segment opened pages before, as for the section above)
  // (not a name's own: "Mortgages segment EBITDA"; nor a segment this sentence named for the
  // figure: "Although our US personal lines had a 7% drop ..., the other units within the segment")
  static const RE2 kSegmentWord(R"((?i)(?:^\W*|\b(?:the|our|this|that|and)\s+)segment(?:'s)?\s+$)");
  const bool named_here = !r.segment.empty() && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
    return x.in->kind == Kind::kSegment && x.text == r.segment && x.e <= qb;
  });
  if (mm.text.empty() && !named_here && !st.turn_segment.empty() && ctx.index - st.turn_segment_at <= kSectionReach &&
      (RE2::PartialMatch(re2::StringPiece(ctx.text.data(), mm.b), kSegmentWord) ||
       NamesTheSegment(ctx.text)))
    r.segment = st.turn_segment;
  return r;
}

// named_end: where the metric's name ends in the sentence, when it is named (-1: not)
Metric Metrics::New(const SentenceContext& ctx, const State& st, const Lexicon::Entry* metric, uint32_t qb, uint32_t qe,
           uint32_t next, const Mention* seg_between, int64_t named_end) const {
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
    // ("Total PCL of $379 million increased" on the slide of a segment that reported its bottom
    // line: the segment's total, not the company's, "total bank PCL" (company, firm and group are
    // words of the whole kOwnLevel reads already); a total after the lines a paragraph named is
    // still the whole's: "Europe segment operating profit rose 20%. Total segment operating profit")
    static const RE2 kTotalLead(R"((?i)^\W*total\s+)"), kWhoseTotal(R"((?i)^(?:bank|corporate)\b)");
    re2::StringPiece rest(ctx.text.data(), qb);
    const bool segment_total = own_level && st.section_reports && !st.section.empty() &&
                               RE2::Consume(&rest, kTotalLead) && !RE2::PartialMatch(rest, kOwnLevel) &&
                               !RE2::PartialMatch(rest, kWhoseTotal);
    if (segment_total) own_level = false;
    // ("For the fourth quarter, we see ...": an opening preposition of a period names
    // no level; a word of the whole may still: "For the full year, total revenue ...")
    static const RE2 kLeadOnly(R"((?i)^\W*(?:(?:and|but|so|now)\s*,?\s+)?(?:in|within|for|across)\s+(?:the\s+|this\s+|our\s+)?$)");
    static const RE2 kWholeWords(WholeWordsRegex("|core|base"));
    const bool period_lead = own_level && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
      return x.in->kind == Kind::kPeriod && x.b <= 24 && x.e <= qb &&
             RE2::FullMatch(re2::StringPiece(ctx.text.data(), x.b), kLeadOnly);
    });
    if (period_lead) own_level = RE2::PartialMatch(re2::StringPiece(ctx.text.data(), qb), kWholeWords);
    // (a segment opening the paragraph does not speak for "Outside the Americas", "Together";
    // none does for a sentence opening "The Bank's provision rose": the whole company's)
    // (nor for "we are raising our operating income forecast to ...": the company's own forecast)
    static const RE2 kTheWhole(R"((?i)^\W*(?:(?:and|so|now|also)\W+)?the\s+(?:bank|company|firm|group)['’]s\s)"),
        kOurForecast(R"((?i)\bour\s+(?:[\w-]+\s+){0,3}?(?:forecast|guidance|outlook)\b)");
    const std::string_view before_q = ctx.text.substr(0, qb);
    const bool forecast_words = before_q.find("forecast") != std::string_view::npos || before_q.find("guidance") != std::string_view::npos ||
                                before_q.find("outlook") != std::string_view::npos;  // (a byte search before the regex)
    const bool whole = RE2::PartialMatch(re2::StringPiece(before_q.data(), before_q.size()), kTheWhole) ||
                       (forecast_words && RE2::PartialMatch(re2::StringPiece(before_q.data(), before_q.size()), kOurForecast));
    own_level = own_level || whole;
    // (a business named again after the figure is not the figure's: "We expect revenue growth of
    // 8%, and our laser business grew 15%" after a sentence the laser business opened)
    auto named_later = [&](const std::string& business) {
      return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) {
        return (x.in->kind == Kind::kSegment || x.in->kind == Kind::kMetric) && x.b >= qe && !x.text.empty() &&
               Lower(x.text) == Lower(business);
      });
    };
    // (a figure only the whole company has takes none: "Memory sales rose 20%. Facility investment
    // was KRW 12.4 trillion")
    const bool company_level = metric->Attr("level") == "company";
    r.segment = whole || company_level ? ""
                : !st.opener.empty() && !own_level && !named_later(st.opener) ? st.opener
                : own_level && st.segment_opened   ? ""
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
    // "Harbor's pre-tax profit was $90 million." then, a paragraph on too (layouts that break lines
    // at a sentence's end), "For the second half, we expect a pre-tax loss of ..." or "In Q3, pre-tax
    // profit rose 5%": the same metric said next, for a period or looked ahead to, of no other
    // level, is the same business's (not "On a reported basis, sales were ...": another measure)
    // (not when the sentence names that business again after the figure: "we expect revenue growth
    // of 8%, and our laser business to grow 15%" sets the whole against it; nor across a paragraph
    // break after a paragraph of more than one sentence: "In the Electronics segment, ... In the
    // Water segment, net sales were $1.0 billion." then "For the fourth quarter, we expect net
    // sales of approximately $2.9 billion" is the company's; nor an amount over twelve times the
    // business's: "Animal health sales grew 6% to $1.5 billion. We now expect full-year sales between
    // $64.5 billion and $65.0 billion"; twelve: four quarters at three times the pace, more than any
    // one business's forecast after its quarter)
    auto outgrows = [&] {
      return std::isfinite(st.business_value) && st.business_value > 0 &&
             std::any_of(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) {
               return q.start - ctx.sentence.begin == qb && q.value > 12 * st.business_value;
             });
    };
    if (r.segment.empty() && !own_level && st.business_at == ctx.index - 1 && st.business_metric == r.metric &&
        !named_later(st.business) && (!ctx.paragraph_start || st.para_before) &&
        (period_lead ||
         std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) { return x.in->kind == Kind::kForward && x.e <= qb; })) &&
        !outgrows())
      r.segment = st.business;
    // (not of another level: "Outside the Americas", "Together", "total company"; "Excluding
    // one-offs, expenses fell" is the section's, and so are "Together, these lines", the lines
    // the section named)
    static const RE2 kOtherLevel(LevelRegex("outside|across", "")),
        kTheseTogether(R"((?i)^\W*together\s*,?\s+(?:these|those|both)\b)");
    auto other_level = [&] {
      re2::StringPiece lead(ctx.text.data(), qb);
      RE2::Consume(&lead, kTheseTogether);
      return RE2::PartialMatch(lead, kOtherLevel);
    };
    if (r.segment.empty() && !st.section.empty() && !st.forward && !whole &&
        metric->Attr("level") != "company" && (segment_total || !other_level()))
      r.segment = st.section;
    // (not across a word of the whole: "Gadget Hub revenue growth of 5% and total revenue growth of 3%")
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kSegment && x.e <= qb && (x.m->rule->name == "region" || !x.in->attr.empty()) &&
          !WholeBetween(ctx.text, x.e, qb) && !Deferred(ctx.text, x.name_at) && !WhereDone(ctx.text, x, qb) &&
          !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.e, qb - x.e), kWholeWords))
        r.segment = x.text;
    // else the business its speaker heads ("Group Head, Wholesale Banking" answering a question)
    if (r.segment.empty() && !own_level && metric->Attr("level") != "company")
      if (!st.heads.empty() && !IsCompany(ctx.analysis.call, st.heads)) r.segment = st.heads;
  }
  r.segment = OfBusiness(ctx, st, r.segment, qe);
  // Period: the nearest non-comparative one before, else right after (no comma), else carried.
  // (not a past one said before a cue of the future that the figure follows, a clause apart:
  // "following several one-off items in 2016, and we expect EPS of $2.15"; not "our ratio at
  // quarter-end is expected near 13.2%")
  const Mention* per = nullptr;
  auto past_before_cue = [&](const Mention& x) {
    return !Ahead(x.text, ctx.analysis.call) && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& f) {
             return f.in->kind == Kind::kForward && f.b >= x.e && f.e <= qb &&
                    ctx.text.substr(x.e, f.b - x.e).find_first_of(",;") != std::string_view::npos;
           });
  };
  // (nor one said in a relative clause set off before the figure: "Backlog, which we expect to
  // recognize over the next year, came to $4.2 billion")
  // (nor "last year's" said of another figure: "ahead of last year's £872 million, and capital
  // expenditure of around £600 million" dates the first only)
  auto of_other = [&](const Mention& x) {
    return x.in->attr == "prev_fy" && ctx.text.substr(x.e, qb - x.e).find_first_of(",;") != std::string_view::npos;
  };
  for (const Mention& x : st.ms)
    if (x.in->kind == Kind::kPeriod && !x.comparative && x.e <= qb && !past_before_cue(x) && !of_other(x) &&
        !InAside(ctx.text, x.b, x.e, qb))
      per = &x;
  // (one right after the figure beats one a clause before it: "For 2025, we expect growth of 3%,
  // and we remain committed to a target of 11% to 12% in 2026"; or an earlier step's: "fall $6
  // million in Q2 and then settle at $9.5 million a quarter in Q3")
  // (or the figure before's own, said right after it: "$142 million in the quarter and $455
  // million for the full year")
  auto figure_before_own = [&] {
    uint32_t pe = 0;
    for (const Quantity& q : ctx.quantities)
      if (q.end - ctx.sentence.begin <= per->b) pe = q.end - ctx.sentence.begin;
    return pe > 0 && PeriodRightAfter(ctx.text, pe, *per);
  };
  if (const Mention* after = PeriodAfter(ctx, st, qe, next);
      after && (!per || (after->b - qe <= 16 && (ctx.text.substr(per->e, qb - per->e).find(',') != std::string_view::npos ||
                                                 ThenBetween(ctx.text, per->e, qb) || figure_before_own()))))
    per = after;
  // a period still to come, carried from a sentence about it ("there will be further effects in the
  // fourth quarter"), is not that of a result said after it ("core EPS fell 19%"), nor of a state
  // said now ("leverage remains at 2.8 times")
  // ("our storage business had a 30% drop in bookings", after "beginning in the fourth quarter, our
  // comparisons will improve"; "sales cloud accelerated to 15% growth" after "this year, we've
  // reimagined the product" on a mid-year call)
  static const RE2 kResult(fmt::format(
      R"((?i)\b(?:{}|had|saw|recorded|achieved|accelerated|decelerated|remains|remained|stands|stood|(?:is|are)\s+(?:up|down))\b)",
      kResultVerbs));
  // (nor of a sentence turning to another topic: "Turning to specialty, written premiums rise $200
  // million" after "... we expect to finish it in the second quarter")
  // (a figure a result's verb gives before the sentence's cue of the future is a result too: "Our
  // effective tax rate was 25.3%, and we expect 24.5% to 25.5% for the year" after "We now expect
  // net capex for the full year of ...")
  // ("inventory ended the year down $1.3 billion ..., and we expect ... next year")
  static const RE2 kResultRightBefore(
      R"((?i)\b(?:was|were|came\s+in\s+at|totaled|totalled|(?:ended|finished|closed)\s+(?:the\s+(?:year|quarter)\s+)?(?:at|down|up))\s+(?:about\s+|approximately\s+)?$)");
  const bool forward = st.forward && !(qb <= ctx.text.size() &&
                                       RE2::PartialMatch(re2::StringPiece(ctx.text.data(), qb), kResultRightBefore) &&
                                       std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& f) {
                                         return f.in->kind == Kind::kForward && f.b < qb;
                                       }));
  // (nor is a period a forecast named, the year's too, that of a deed said after it in the past: "For
  // the full year, we still expect organic growth of around 6%. We repurchased 1.1 million shares")
  static const RE2 kDone(R"((?i)\b(?:repurchased|bought\s+back|returned|paid|spent|issued|redeemed|repaid|declared|approved)\b)");
  const bool carried = !st.period.empty() &&
                       !(!forward && Ahead(st.period, ctx.analysis.call) &&
                         (RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kResult) || TurnsTo(ctx.text))) &&
                       !(!forward && st.period_forward && RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kDone));
  // (a forward sentence after a result: the period still to come that the turn looked ahead
  // to, not the quarter just reported: "Selling expenses were 9.1% in the third quarter. We now expect ...")
  const bool looks_ahead = forward && !st.forward_period.empty();
  // (a list of forecasts with its period said once, at its end: "we now expect organic revenue
  // growth of 5% to 6% and comparable EPS growth of 8% to 10% for 2025"; not "a charge of $40
  // million, most of it in 2024")
  auto list_period = [&]() -> std::string {
    const Mention* later = nullptr;
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kPeriod && !x.comparative && x.b >= qe && !x.text.empty() && (!later || x.b < later->b)) later = &x;
    if (!later || ctx.text.substr(qe, later->b - qe).find_first_of(",;:") != std::string_view::npos ||
        ctx.text.substr(later->e).find_first_not_of(" .") != std::string_view::npos)
      return {};
    return later->text;
  };
  std::string at_end;
  r.period = per                                                         ? per->text
             : carried && !(looks_ahead && !Ahead(st.period, ctx.analysis.call)) ? st.period
             : looks_ahead                                               ? st.forward_period
             : LooksAheadTo(ctx, st, qb)                                 ? (at_end = list_period()).empty() ? YearAhead(ctx.analysis.call, ctx.text) : at_end
                                                                         : ctx.analysis.call.fiscal_period;
  // a program's size; a target's, looked ahead to ("we aim to take out $250 million of costs")
  static const RE2 kTarget(R"((?i)\btarget(?:s|ed|ing)?\b)");
  if (!per && (metric->Attr("period") == "none" ||
               (metric->Attr("period") == "target" &&
                (st.forward || RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kTarget)))))
    r.period.clear();
  // a commitment, a target or a plan said with no date is of no period: not the quarter's ("we
  // reiterated our commitment to an operating margin of 26% to 27%", "as we plan the $4 billion of
  // cost reductions and the cost/income ratio below 65%")
  // (not a result said after the word: "we beat our target and margin was 29%")
  static const RE2 kCommitment(
      R"((?i)\b(?:commitments?|targets?|targeted|targeting|goals?|aspirations?|ambitions?|plans?|planned|planning)\b([^.;,]{0,80})$)");
  static const RE2 kSaidDone(fmt::format(R"((?i)\b(?:{}|had|saw|beat|met|exceeded|achieved)\b)", kResultVerbs));
  if (re2::StringPiece gap; !per && !carried && !looks_ahead && qb > 0 &&
      RE2::PartialMatch(re2::StringPiece(ctx.text.data(), qb), kCommitment, &gap) && !RE2::PartialMatch(gap, kSaidDone))
    r.period.clear();
  // a basis with own=1 speaks only of the metric whose name it holds or follows: "NII ex. Markets"
  auto own_of_other = [&](const Mention& b) {
    return b.in->own && !(named_end >= 0 && b.b <= named_end + 1 && b.e >= named_end);
  };
  if (const std::string basis = metric->Attr("basis", "no"); basis != "no") {
    const Mention* bm = nullptr;
    // the last one before the figure, else the first after it that does not name the basis of a
    // later metric ("sales of $2.3 billion, down 4%, and non-GAAP EPS of $0.41"; not the figure's
    // own name, "an 11.8% adjusted return on equity")
    // (or a business between them: "net revenues were $1.7 billion, and adjusted property EBITDA was")
    static const RE2 kNameBetween(R"(^\s+(?:[A-Za-z][\w&-]*\s+){1,2}$)");
    auto later_metric = [&](const Mention& b) {
      return std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
        return k.in->kind == Kind::kMetric && k.b >= qe && static_cast<int64_t>(k.e) != named_end &&
               (k.b <= b.e + 3 ||
                (k.b >= b.e && k.b <= b.e + 28 && RE2::FullMatch(re2::StringPiece(ctx.text.data() + b.e, k.b - b.e), kNameBetween)));
      });
    };
    // (a rule with ahead=no speaks only of figures after it: "Sales were $1.4 billion, with
    // organic growth of 5%" leaves the $1.4 billion reported)
    // ("Gross margin rose to 73%, excluding the accounting change, gross margin fell one point": one
    // said right after a figure, its clause ending where the same metric is named again for this
    // figure, opens this figure's clause)
    static const RE2 kClauseEnd(R"(^[^,;.]*,\s*(?:the\s+|our\s+)?(?:[A-Z][\w&.-]*\s+){0,3}$)");
    auto opens_clause = [&](const Mention& x) {
      if (named_end < 0 || x.e > qb || std::none_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
            return k.in->kind == Kind::kMetric && k.metric == metric && k.e <= x.b;
          }))
        return false;
      for (const Mention& k : st.ms)
        if (k.in->kind == Kind::kMetric && static_cast<int64_t>(k.e) == named_end && k.b >= x.e)
          return RE2::FullMatch(re2::StringPiece(ctx.text.data() + x.e, k.b - x.e), kClauseEnd);
      return false;
    };
    // (one said of "both" or "all" the figures before it, all=1: "..., both on an FX-adjusted basis")
    static const RE2 kOfAll(R"((?i)^(?:both|all)\b)");
    auto of_all = [&](const Mention& x) {
      return x.m->rule->Attr("all") == "1" && RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.b, x.e - x.b), kOfAll);
    };
    // (revenue, basis=stated: not a basis said right before another metric's name earlier in the
    // sentence, "raising our adjusted EPS guidance to $10.61 to $10.65 and now expect full-year
    // revenue of approximately $60.9 billion"; nor one whose words hold the name, "operating EPS")
    auto of_earlier_metric = [&](const Mention& b) {
      return basis == "stated" && b.e <= qb && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
               return k.in->kind == Kind::kMetric && k.metric != metric && k.name_at >= b.b && k.name_at <= b.e + 1 &&
                      static_cast<int64_t>(k.e) != named_end && k.e <= qb;
             });
    };
    // (of=: a basis only of the metrics it lists, "on an organic basis" of the top line's, not of
    // "with margins of 20.1%" after it)
    auto not_of = [&](const Mention& x) {
      return !x.in->of.empty() && std::find(x.in->of.begin(), x.in->of.end(), metric->Name()) == x.in->of.end();
    };
    for (const Mention& x : st.ms)
      if (x.in->kind == Kind::kBasis && !own_of_other(x) && !of_earlier_metric(x) && !not_of(x) && (!x.in->right_after || opens_clause(x)) &&
          ((x.e <= qb && !LostBreak(ctx.text, x.e, qb)) ||
           (x.e > qb && !bm && (!later_metric(x) || of_all(x)) && x.m->rule->Attr("ahead") != "no")))
        bm = &x;
    // (the basis said right after the figure beats one said before, not one naming the metric
    // itself: "a non-GAAP tax rate near 26%, excluding the impact of ..." is non-GAAP)
    auto names_metric = [&] {
      return bm && named_end >= 0 && std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
               return k.in->kind == Kind::kMetric && static_cast<int64_t>(k.e) == named_end && bm->e <= k.e &&
                      (bm->b >= k.b || k.name_at - std::min(bm->e, k.name_at) <= 1);
             });
    };
    if (const Mention* after = RightAfter(st, qb, qe); after && !names_metric()) bm = after;
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
    // (a basis carried from an earlier sentence is not that of a business's own measure said
    // as "the Refining segment's operating income": "Adjusted net income was $1.1 billion.
    // Refining segment operating income was $1.6 billion.")
    auto segment_measure = [&] {
      if (r.segment.empty() || st.basis_at >= ctx.index) return false;
      // (or one said as "segment margin" of the business the sentence names)
      static const RE2 kSegmentMeasure(R"((?i)\bsegment(?:'s)?\s+(?:operating\s+)?(?:margins?|profits?|income|earnings|EBIT|EBITDA)\b)");
      if (RE2::PartialMatch(re2::StringPiece(ctx.text.data(), ctx.text.size()), kSegmentMeasure)) return true;
      for (size_t at = ctx.text.find(r.segment); at != std::string_view::npos; at = ctx.text.find(r.segment, at + 1)) {
        std::string_view after = ctx.text.substr(at + r.segment.size());
        if (after.starts_with(" segment") || after.starts_with(" Segment") || after.starts_with(" division") ||
            after.starts_with(" Division"))
          return true;
      }
      return false;
    };
    r.basis = bm          ? bm->text
              : st.framed ? (st.consolidated && !r.segment.empty() ? "" : st.basis)
              : basis == "yes" && !segment_measure() ? st.basis : "";
  } else {
    // a metric of no usual basis (cash flow, tax rate) takes one only as said of it: right before
    // its name ("adjusted free cash flow", "our adjusted combined ratio": the name, not the match
    // that may hold the words before it) or by a sentence that opens leaving something out
    // ("Excluding the legal settlement, operating cash flow rose 4%")
    for (const Mention& x : st.ms) {
      if (x.in->kind != Kind::kBasis || x.text.empty() || own_of_other(x) || x.in->right_after) continue;
      // (or with a business named between: "adjusted automotive free cash flow")
      static const RE2 kBusinessBetween(R"(^\s+(?:[A-Za-z][\w&-]*\s+){1,2}$)"), kLink(R"((?i)\b(?:and|or|of|for|to|the|in|with|on|at|as|from|by)\b)");
      bool adjacent = std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& k) {
        // (the figure's own mention: "The consolidated combined ratio was 92.4%, ... and the
        // underlying combined ratio improved" names the second's basis)
        if (k.in->kind != Kind::kMetric || k.metric != metric || k.name_at < x.e ||
            (named_end >= 0 && static_cast<int64_t>(k.e) != named_end))
          return false;
        if (k.name_at - x.e <= 1) return true;
        const re2::StringPiece gap(ctx.text.data() + x.e, k.name_at - x.e);
        return k.name_at - x.e <= 28 && RE2::FullMatch(gap, kBusinessBetween) && !RE2::PartialMatch(gap, kLink);
      });
      if (adjacent || (!x.in->carries && x.e <= qb && !LostBreak(ctx.text, x.e, qb))) r.basis = x.text;
    }
    if (const Mention* after = RightAfter(st, qb, qe)) r.basis = after->text;
  }
  return r;
}

// The business a speaker's title says they head: "Group Head, Wholesale Banking", "CEO of Life and
// Retirement", "EVP & GM of Data Center Group"; not a function ("Head of Investor Relations",
// "President, Development & Sales") nor more titles ("President, CEO & Director").
std::string Metrics::HeadsBusiness(const Participant& p) {
  static const RE2 kHeads(
      R"((?:\b(?:CEO|Chief\s+Executive(?:\s+Officer)?|President|Head|GM|General\s+Manager)(?:\s*,\s*|\s+of\s+(?:the\s+)?))([A-Z][\w&'.-]*(?:\s+(?:&|and|of|[A-Z][\w&'.-]*))*)\s*$)");
  static const RE2 kFunction(
      R"((?i)\b(?:investor|IR|finance|financial|risk|sales|marketing|operations|strategy|legal|counsel|human|HR|engineering|technology|development|corporate|communications|treasury|treasurer|accounting|controller|director|officer|board|chairman|chairwoman|secretary|administrative|president|CEO|CFO|COO|CIO|CTO|EVP|SVP|VP|chief|executive|founder|co-founder|manager|head|global|worldwide|group)\b)");
  std::string business;
  if (p.role != Role::kExecutive || !RE2::PartialMatch(p.title, kHeads, &business)) return {};
  // ("Data Center Group", "Wholesale Banking": the last word may be "Group", not the first)
  const std::string first = business.substr(0, business.find(' '));
  if (RE2::PartialMatch(first, kFunction) ||
      RE2::PartialMatch(business.substr(0, business.rfind(' ') == std::string::npos ? 0 : business.rfind(' ')), kFunction))
    return {};
  // ("President and CEO, Harbor Bank America's Friendliest Bank": a slogan after the name, which
  // a possessive past its first word opens)
  static const RE2 kSlogan(R"(^(\S+(?:\s+\S+)*?)\s+\S+'s\s)");
  std::string name;
  if (RE2::PartialMatch(business, kSlogan, &name)) business = name;
  return business;
}

}  // namespace callscope::rules::metrics_detail
