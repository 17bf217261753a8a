// Metrics module: periods. What a named period resolves to against the call's date, which periods
// carry to later sentences, and the comparison kind of a change (yoy, qoq, vs_prior).
#include <cctype>

#include "rules/modules/metrics/metrics.h"

namespace callscope::rules::metrics_detail {

// Periods that later mentions of "the quarter" and later sentences inherit: not "this quarter",
// a long-term target or a part of the year ("in the first half").
bool Metrics::Carries(const Mention& x) {
  return x.in->carries && !x.once && x.in->attr != "this" && x.in->attr != "long" && x.in->attr != "ytd";
}

// "In the first half, revenue reached EUR 14.2 billion" on a second quarter's call: the half that
// the call's quarter closed, a half-year report's period, which the next sentences speak of too
// (on another call "the first half" is as often a forecast's, and speaks for its sentence only)
bool Metrics::HalfJustEnded(const Mention& x, const Call& call) {
  return x.in->attr == "ytd" && x.in->carries && !x.once && call.fiscal_quarter == 2 && call.fiscal_year &&
         x.text == fmt::format("H1 {}", call.fiscal_year);
}

// The quarter the call reports: on a half-year or full-year report's call (H1 2025, FY 2025), "the
// quarter" is the period's last (Q2 2025, Q4 2025).
std::string Metrics::CallQuarter(const Call& call) {
  if ((call.fiscal_period.starts_with("H") || call.fiscal_period.starts_with("FY")) && call.fiscal_quarter && call.fiscal_year)
    return fmt::format("Q{} {}", call.fiscal_quarter, call.fiscal_year);
  return call.fiscal_period;
}

// A quarter before the call's is a reference ("hurt by a tax payment made in Q1 of FY22" on a Q1
// FY23 call; "both deals, closed last Q2 and Q4"), not the period the next sentences
// speak of: a call speaks of its own quarter unless a sentence says otherwise.
bool Metrics::Stale(const std::string& period, const Call& call) {
  if (period.size() != 7 || period[0] != 'Q' || !call.fiscal_year || !call.fiscal_quarter) return false;
  int q = period[1] - '0', y = std::atoi(period.c_str() + 3);
  return y * 4 + q < call.fiscal_year * 4 + call.fiscal_quarter;
}

// The fiscal year on its first quarter's call: a past-tense sentence about it ("free cash flow was
// unchanged for the year", "a good start to the year") speaks of the quarter, and so do
// the figures after it.
bool Metrics::JustBegun(const std::string& period, const Call& call) {
  return call.fiscal_quarter == 1 && call.fiscal_year && period == fmt::format("FY {}", call.fiscal_year);
}

// A period not yet over on the call's date ("Q1 2020" or "FY 2020" on a Q4 2019 call; "FY 2019" on
// its Q3 call): what a forward-looking sentence may speak of ("... following the events of 2018" may not).
bool Metrics::Ahead(const std::string& period, const Call& call) {
  int cy = call.fiscal_year, cq = call.fiscal_quarter;
  if (period.size() != 7 || !cy || !cq) return false;
  int n = period[1] - '0', y = std::atoi(period.c_str() + 3);
  if (period[0] == 'Q') return y * 4 + n > cy * 4 + cq;  // the call's quarter is over
  if (period[0] == 'H') return y > cy || (y == cy && cq < 2 * n);  // (the second quarter closes the first half)
  if (period.starts_with("FY")) return y > cy || (y == cy && cq < 4);
  return false;
}

// Whether what lies between "from"/"than" and a period ties them: a figure ("from $0.15 reported in
// the 2007 third quarter") or words without a comma ("than our 2011 effective tax rate").
bool Metrics::RefersBack(const SentenceContext& ctx, uint32_t from, uint32_t to) {
  if (ctx.text.substr(from, to - from).find(',') == std::string_view::npos) return true;
  return std::any_of(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) {
    uint32_t b = q.start - ctx.sentence.begin;
    return b >= from && b < to;
  });
}

int Metrics::QuarterNumber(std::string_view w) {
  if (w.empty()) return 0;
  char c = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
  return c == 'f' ? (w.size() > 1 && (w[1] == 'o' || w[1] == 'O') ? 4 : 1) : c == 's' ? 2 : c == 't' ? 3 : c - '0';
}

int Metrics::Year(std::string_view y, int dflt) {
  while (!y.empty() && !std::isdigit(static_cast<unsigned char>(y[0]))) y.remove_prefix(1);  // "'09", "’09"
  if (y.empty()) return dflt;
  int v = std::atoi(std::string(y).c_str());
  return v >= 100 ? v : v >= 70 ? 1900 + v : 2000 + v;  // "'98" is 1998, "'09" 2009
}

// The quarter before the call's, or the call's quarter a year earlier.
std::string Metrics::Relative(const Call& call, const std::string& rel) {
  int cy = call.fiscal_year, cq = call.fiscal_quarter;
  if (rel == "prev_q") return cq ? Quarter(cq == 1 ? 4 : cq - 1, cq == 1 ? cy - 1 : cy) : "";
  return cq && cy ? Quarter(cq, cy - 1) : cy ? fmt::format("FY {}", cy - 1) : "";
}

// "last" right before a period at `b` ("last Q4", "which closed last Q3 and Q4").
bool Metrics::LastBefore(std::string_view text, uint32_t b) {
  static const RE2 kLast(R"((?i)\blast\s+(?:fiscal\s+)?(?:(?:Q[1-4]|(?:first|second|third|fourth)\s+quarter)\s+and\s+)?$)");
  uint32_t from = b > 32 ? b - 32 : 0;
  return RE2::PartialMatch(re2::StringPiece(text.data() + from, b - from), kLast);
}

// A quarter or year named without its year is the call's, except in a sentence about the future
// (`forward`): "fiscal Q1" on a Q4 call is next year's, and so is "the full year" said after the
// last quarter; and except a quarter later than the call's said to be past (`past`: "last Q4", or
// a reference in a sentence not about the future): "down from Q4" on a Q1 call is last year's.
std::string Metrics::Period(const Matches& m, const Match& x, const std::string& rel, const Call& call, bool forward,
                          bool past) {
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
    // ("six-month", "for the six months ended": mm, mm2)
    std::string_view mm = !m.Group(x, "mm").empty() ? m.Group(x, "mm") : m.Group(x, "mm2");
    std::string_view months = !m.Group(x, "m").empty() ? m.Group(x, "m") : mm;
    char mo = months.empty() ? 0 : static_cast<char>(std::tolower(static_cast<unsigned char>(months[0])));
    // (a six-month figure on a fourth quarter's call is the second half's)
    // ("for the half": the half the call closes, its second on a fourth quarter's call)
    const bool half = !m.Group(x, "hh").empty();
    std::string p = ((mo == 's' && !mm.empty()) || half) && cq == 4 ? "H2"
                    : half || !m.Group(x, "h").empty() || mo == 's' ? "H1"
                    : mo == 'n'                                     ? "9M"
                    : mo == 't'                                     ? "Q1"
                                                                    : "YTD";
    return y ? fmt::format("{} {}", p, y) : p;
  }
  if (rel == "month") {  // "in the month of January": Jan 2024, the last January by the call's date
    static const char* kNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int n = MonthNumber(!m.Group(x, "mon").empty() ? m.Group(x, "mon") : m.Group(x, "mon2"));
    if (!n) return {};
    int call_y = 0, call_m = 0;
    // (the next such month in a sentence about the future: "we expect to close in December")
    if (std::sscanf(call.date.c_str(), "%d-%d", &call_y, &call_m) == 2)
      return fmt::format("{} {}", kNames[n - 1], forward ? (n >= call_m ? call_y : call_y + 1) : n <= call_m ? call_y : call_y - 1);
    // (no date: the months to the end of the call's quarter, read as a calendar one)
    return cy && cq ? fmt::format("{} {}", kNames[n - 1], n <= cq * 3 ? cy : cy - 1) : kNames[n - 1];
  }
  if (rel == "month_q") {  // "the September quarter": the fiscal quarter that month ends, against the call's date
    const std::optional<int> shift = MonthQuarterShift(m.Group(x, "mon"), call.date);
    if (!shift || !cq || !cy) return {};
    const int at = cy * 4 + cq - 1 + *shift;
    return Quarter(at % 4 + 1, at / 4);
  }
  if (rel == "ttm")  // "over the last twelve months": the four quarters to the call's, TTM Q3 2024 (a Q4 call's: FY)
    return cq == 4 && cy ? fmt::format("FY {}", cy) : cq && cy ? "TTM " + Quarter(cq, cy) : "TTM";
  if (rel == "h2") {  // "the second half of 2024": H2 2024
    int y = Year(ys, cy);
    return y ? fmt::format("H2 {}", y) : "H2";
  }
  if (rel == "prev_q" || (rel == "prev_y" && !q)) return Relative(call, rel);
  if (rel == "prev_y") return cy ? Quarter(q, cy - 1) : "";
  if (rel == "prev_fy") return cy ? fmt::format("FY {}", cy - 1) : "";  // "last year's £872 million"
  if (rel == "same_q") return call.fiscal_quarter ? Quarter(call.fiscal_quarter, Year(ys, cy - 1)) : "";
  if (rel == "fy") {
    int y = Year(ys, ahead ? cy + 1 : cy);
    return y ? fmt::format("FY {}", y) : "";
  }
  bool behind = past && rel.empty() && ys.empty() && cy && cq && q > cq;
  return q ? Quarter(q, Year(ys, ahead ? cy + 1 : behind ? cy - 1 : cy)) : "";
}

// "the quarter ended March 31, 2019": the call's quarter as many years before it as the year falls
// behind the latest one the sentence ends a period in ("... against the quarter ended March 31,
// 2019" after "In the quarter ended March 31, 2020"); a fiscal year by the year it ended in.
std::string Metrics::Ended(const SentenceContext& ctx, const Matches& m, const Match& x) {
  const Call& call = ctx.analysis.call;
  const bool at = !m.Group(x, "at").empty();  // "as of June 30, 2020": a quarter's end
  const int y = Year(m.Group(x, at ? "ya" : "y"), 0);
  static const RE2 kEndedYear(
      R"((?i)\b(?:ended|ending|as\s+of|at)\s+(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b)");
  re2::StringPiece rest(ctx.text.data(), ctx.text.size());
  int latest = y, other = 0;
  while (RE2::FindAndConsume(&rest, kEndedYear, &other)) latest = std::max(latest, other);
  // (the span by its first letters: quarter, three/3, six/6, nine/9 months; twelve/12 months or a year)
  std::string_view span = at ? std::string_view("quarter") : m.Group(x, "span");
  const char s = static_cast<char>(std::tolower(static_cast<unsigned char>(span[0])));
  const bool twelve = span.size() > 1 && (span[1] == 'w' || span[1] == 'W' || span[1] == '2');
  const int cy = call.fiscal_year, cq = call.fiscal_quarter;
  int back = latest - y;
  // (the latest such day of the sentence ended a year or more before the call's date: "against a
  // loss of $8 million in the quarter ended March 31, 2019" said alone in a May 2020 call is the
  // same quarter a year before; the years are counted from the call's date)
  static const RE2 kMonth(R"((?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))");
  std::string month;
  int call_y = 0, call_m = 0;
  if (back == 0 && y && std::sscanf(call.date.c_str(), "%d-%d", &call_y, &call_m) == 2 &&
      RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.begin, x.end - x.begin), kMonth, &month)) {
    const int months = (call_y * 12 + call_m) - (y * 12 + MonthNumber(month));
    if (months >= 9) back = (months + 3) / 12;
  }
  if (!twelve && (s == 'q' || s == 't' || s == '3')) return cq && cy ? Quarter(cq, cy - back) : "";
  if (s == 's' || s == '6') return cy ? fmt::format("{} {}", cq == 4 ? "H2" : "H1", cy - back) : "";
  if (s == 'n' || s == '9') return cy ? fmt::format("9M {}", cy - back) : "";
  return y ? fmt::format("FY {}", y) : "";  // ("twelve months", "year", "fiscal year")
}

// The comparison kind for a change or earlier level at [b, e): a cue or comparative period after
// it (up to the next quantity), else the nearest before it.
void Metrics::CompareKind(const SentenceContext& ctx, const State& st, uint32_t b, uint32_t e, uint32_t next, Comparison* c) const {
  const Call& call = ctx.analysis.call;
  auto classify = [&](const Mention& x) -> bool {
    if (x.in->kind == Kind::kYoy) return c->kind = "yoy", true;
    if (x.in->kind == Kind::kQoq) return c->kind = "qoq", true;
    if (x.in->kind != Kind::kPeriod || !x.comparative || x.cause) return false;
    std::string prev_q = Relative(call, "prev_q"), prev_y = Relative(call, "prev_y");
    bool fy_before = call.fiscal_year && x.text == fmt::format("FY {}", call.fiscal_year - 1);
    // (a call of no known period names none: the cue's own kind then, not two empty names alike)
    if (x.text.empty()) c->kind = x.in->attr == "prev_q" ? "qoq" : x.in->attr == "prev_y" ? "yoy" : "vs_prior";
    else c->kind = x.text == prev_q ? "qoq" : x.text == prev_y || fy_before ? "yoy" : "vs_prior";
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
    // ("up 18% versus the same period in 2022" said of the first half: that half a year before)
    // (the figure's own period: the last one said before it, not far)
    if (x.in->attr == "same_q" && ctx.text.substr(x.b, x.e - x.b).find("period") != std::string_view::npos) {
      const Mention* own = nullptr;
      for (const Mention& o : st.ms)
        if (o.in->kind == Kind::kPeriod && !o.comparative && o.e <= x.b && x.b - o.e <= 120) own = &o;
      if (own && own->text.size() > 3 && own->text[0] != 'Q' && own->text.find(' ') != std::string::npos &&
          x.text.find(' ') != std::string::npos)
        c->period = own->text.substr(0, own->text.find(' ')) + x.text.substr(x.text.find(' '));
    }
    return true;
  };
  // (not past the clause: "Europe up around 12%, and roughly flat quarter on quarter" leaves
  // the 12% to the cue before it)
  static const RE2 kClause(R"((,\s+(?:and|but|while|whereas)\s|;))");
  re2::StringPiece rest(ctx.text.data() + e, next > e ? next - e : 0), cut;
  if (RE2::PartialMatch(rest, kClause, &cut)) next = static_cast<uint32_t>(cut.data() - ctx.text.data());
  for (const Mention& x : st.ms)
    if (x.b >= e && x.b < next && classify(x)) return;
  // (or after the figure said again in another unit right after it: "compared with $1.02 billion,
  // or $1.71 per share, in the prior-year quarter")
  static const RE2 kRestated(R"(^\s*,\s+or\s+$)");
  if (next > e && next - e <= 6 && RE2::FullMatch(re2::StringPiece(ctx.text.data() + e, next - e), kRestated)) {
    const uint32_t base = ctx.sentence.begin;
    uint32_t again_end = 0, after = static_cast<uint32_t>(ctx.text.size());
    for (const Quantity& q : ctx.quantities) {
      if (q.start - base == next) again_end = q.end - base;
      else if (again_end && q.start - base >= again_end) {
        after = q.start - base;
        break;
      }
    }
    for (const Mention& x : st.ms)
      if (again_end && x.b >= again_end && x.b < after && x.b - again_end <= 16 && classify(x)) return;
  }
  for (auto it = st.ms.rbegin(); it != st.ms.rend(); ++it)
    if (it->e <= b && classify(*it)) return;
  c->kind = "vs_prior";
}

// The first period after a level, when no comma comes between: "$3 billion in revenue in fiscal
// 2024"; or the period the sentence's subject closed, the level said in the opening phrase ("With
// revenue over $9 billion, the company ended fiscal 2021 as ...", not "Revenue was $9 billion, and
// we ended the year with ..."); or the one after the next figure when "and" joins the two, no
// comma or forecast between ("growth of 6% and EPS growth of 11% for the year": both the year's).
const Mention* Metrics::PeriodAfter(const SentenceContext& ctx, const State& st, uint32_t qe, uint32_t next) {
  static const RE2 kOpening(R"((?i)^\W*(?:with|on|having|after|behind|thanks\s+to)\s[^,]*$)");
  static const RE2 kClosed(
      R"((?i)^[^,]*,\s+(?:[a-z][\w.&'-]*\s+){1,3}(?:ended|closed|finished|completed|exited)\s+(?:the\s+|our\s+)?$)");
  static const RE2 kJoined(R"((?i)^[^,;:]*\band\s[^,;:]*$)");
  static const RE2 kAhead(R"((?i)\b(?:target\w*|expect\w*|plan\w*|aim\w*|forecast\w*|guid\w*|outlook|anticipat\w*|project\w*|will|should|would|intend\w*|see)\b)");
  for (const Mention& x : st.ms)
    if (x.in->kind == Kind::kPeriod && !x.comparative && x.b >= qe && x.b < next) {
      std::string_view gap = ctx.text.substr(qe, x.b - qe);
      return gap.find(',') == std::string_view::npos ||
                     (RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kClosed) &&
                      RE2::FullMatch(re2::StringPiece(ctx.text.data(), qe), kOpening))
                 ? &x
                 : nullptr;
    }
  const re2::StringPiece joint(ctx.text.data() + qe, next >= ctx.text.size() ? 0 : next - qe);
  if (next >= ctx.text.size() || !RE2::FullMatch(joint, kJoined) || RE2::PartialMatch(joint, kAhead) ||
      std::any_of(st.ms.begin(), st.ms.end(), [&](const Mention& x) { return x.in->kind == Kind::kForward; }))
    return nullptr;
  const uint32_t base = ctx.sentence.begin;
  for (size_t j = 0; j < ctx.quantities.size(); ++j)
    if (ctx.quantities[j].start - base == next)
      return PeriodAfter(ctx, st, ctx.quantities[j].end - base,
                         j + 1 < ctx.quantities.size() ? ctx.quantities[j + 1].start - base
                                                       : static_cast<uint32_t>(ctx.text.size()));
  return nullptr;
}

// A comparative period right after a level, no comma between: "the $0.23 per share a year ago".
bool Metrics::YearAgoAfter(const SentenceContext& ctx, const State& st, uint32_t qe) {
  static const RE2 kGap(R"((?i)^\s*(?:per\s+(?:diluted\s+|basic\s+)?share\s*)?(?:in\s+|for\s+|from\s+|of\s+)?(?:the\s+)?$)");
  for (const Mention& x : st.ms) {
    if (x.in->kind != Kind::kPeriod || !x.comparative || x.cause || x.b < qe || x.b - qe > 30) continue;
    std::string_view gap = ctx.text.substr(qe, x.b - qe);
    if (RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kGap)) return true;
  }
  return false;
}

}  // namespace callscope::rules::metrics_detail
