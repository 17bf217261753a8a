// Guidance module: periods. A forward period resolved against the call's date ("the first quarter"
// on a Q4 call is next year's).
#include <fmt/format.h>

#include "rules/modules/guidance/guidance.h"

namespace callscope::rules::guidance_detail {

int GuidanceModule::QuarterNumber(std::string_view w) {
  if (w.empty()) return 0;
  char c = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
  if (c >= '1' && c <= '4') return c - '0';
  return c == 'f' ? (w.size() > 1 && (w[1] == 'o' || w[1] == 'O') ? 4 : 1) : c == 's' ? 2 : c == 't' ? 3 : 0;
}

int GuidanceModule::Year(std::string_view y) {
  if (y.empty()) return 0;
  int v = std::atoi(std::string(y).c_str());
  return v < 100 ? 2000 + v : v;
}

// The call's fiscal year and quarter, the year falling back on the call date.
std::pair<int, int> GuidanceModule::Now(const Call& c) {
  int y = c.fiscal_year, q = c.fiscal_quarter;
  const std::string& fp = c.fiscal_period;  // "Q3 2008", "FY 2013"
  if (!q && fp.size() >= 7 && fp[0] == 'Q' && fp[1] >= '1' && fp[1] <= '4') q = fp[1] - '0';
  if (!y && fp.size() >= 7) y = std::atoi(fp.substr(fp.size() - 4).c_str());
  if (!y && c.date.size() >= 4) y = std::atoi(c.date.substr(0, 4).c_str());
  return {y, q};
}

// A period mention resolved forward against the call's fiscal quarter. "-": a period already
// past (what is said of it is a result); "": not a period after all.
std::string GuidanceModule::Resolve(const SentenceContext& ctx, const Matches& m, const Match& x, const std::string& last_q) {
  auto [cy, cq] = Now(ctx.analysis.call);
  std::string rel = x.rule->Attr("rel");
  std::string_view ys = m.Group(x, "y");
  if (ys.empty()) ys = m.Group(x, "y2");
  int y = Year(ys);
  if (rel == "past") return "-";
  if (rel == "month_q") {  // "the December quarter": the next quarter when that month is still ahead, else past
    const std::optional<int> shift = MonthQuarterShift(m.Group(x, "mon"), ctx.analysis.call.date);
    if (!shift || !cq) return "";
    return *shift < 1 ? "-" : Q(cq == 4 ? 1 : cq + 1, cq == 4 ? cy + 1 : cy);
  }
  if (rel == "long") return "long-term";
  if (rel == "next_y") return cy ? FY(cy + 1) : "";
  if (rel == "next_q") return cq ? Q(cq == 4 ? 1 : cq + 1, cq == 4 ? cy + 1 : cy) : "";
  if (rel == "fy") {
    if (y) return cy && (y < cy || (y == cy && cq == 4)) ? "-" : FY(y);
    return FY(cq == 4 ? cy + 1 : cy);
  }
  if (rel == "half") {
    std::string_view h = m.Group(x, "h");
    if (h.empty()) h = m.Group(x, "hn");
    int n = (!h.empty() && (h[0] == 'f' || h[0] == 'F' || h == "1st" || h == "H1" || h == "h1")) ? 1 : 2;
    int hy = y ? y : !cq ? cy : n == 1 ? (cq >= 2 ? cy + 1 : cy) : (cq == 4 ? cy + 1 : cy);
    return hy ? fmt::format("H{} {}", n, hy) : fmt::format("H{}", n);
  }
  if (rel == "this") {
    if (!last_q.empty()) return last_q;
    return cq ? Q(cq == 4 ? 1 : cq + 1, cq == 4 ? cy + 1 : cy) : "";
  }
  if (!m.Group(x, "last").empty()) return "-";
  std::string_view qs = m.Group(x, "q");
  if (qs.empty()) qs = m.Group(x, "q2");
  int q = QuarterNumber(qs);
  if (!q) return "";
  if (y) return cy && cq && (y < cy || (y == cy && q <= cq)) ? "-" : Q(q, y);
  if (!cq) return Q(q, cy);
  if (q == cq) return "-";  // the quarter just reported
  return Q(q, q > cq ? cy : cy + 1);
}

// The period of the value at [qb, qe): one named right after it ("$7.65 to $8.05 for 2020"),
// else the nearest before it in its clause, else the nearest before it, else the outlook's.
// False: the period is past (a result, not guidance).
bool GuidanceModule::Period(const SentenceContext& ctx, const State& st, const Reading& r, uint32_t qb, uint32_t qe,
            std::string* out) const {
  // (a long-term target said just before the value is that, whatever follows: "our evergreen
  // target of 8% annual EPS growth")
  for (const auto& [x, p] : r.periods)
    if (p == "long-term" && x->e <= qb && qb - x->e <= 24 && r.Clause(x->b) == r.Clause(qb) && !QuantityIn(ctx, x->e, qb))
      return *out = p, true;
  // (and so is the period of the metric's name the value follows, after a comparison: "lower than
  // our full year tax rate of 17%"; a past one makes it a reference, "than our Q3 revenue of $X")
  static const RE2 kNamed(R"((?i)^\s+(?:(?:expected|planned|projected|estimated)\s+)?(?:[\w&-]+\s+){1,3}(?:of|at)\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?$)");
  for (size_t k = 0; k < r.periods.size(); ++k) {
    const Mention* x = r.periods[k].first;
    const std::string& p = r.compared[k];
    if (p.empty() || x->e > qb || qb - x->e > 40 || !Hit(r.text.substr(x->e, qb - x->e), kNamed)) continue;
    bool named = std::any_of(r.mentions.begin(), r.mentions.end(),
                             [&](const Mention* y) { return y->kind == Kind::kMetric && y->b >= x->e && y->e <= qb; });
    if (named && !QuantityIn(ctx, x->e, qb)) return p == "-" ? false : (*out = p, true);
  }
  for (const auto& [x, p] : r.periods)
    if (x->b >= qe && x->b - qe <= 60 && !p.empty() && r.text.substr(qe, x->b - qe).find(',') == std::string_view::npos &&
        r.Clause(x->b) == r.Clause(qe) && !QuantityIn(ctx, qe, x->b)) {
      if (p == "-") return false;
      *out = p;
      return true;
    }
  const std::string* same = nullptr;
  const std::string* near = nullptr;
  for (const auto& [x, p] : r.periods) {
    if (x->e > qb || p.empty()) continue;
    if (r.Clause(x->b) == r.Clause(qb)) same = &p;
    if (p != "-") near = &p;
  }
  // (none before it: a list of forecasts with its period said once, at its end, no comma between:
  // "we now expect organic revenue growth of 5% to 6% and comparable EPS growth of 8% to 10% for 2025")
  if (!same && !near)
    for (const auto& [x, p] : r.periods)
      if (x->b >= qe && !p.empty() && p != "-" && r.text.substr(x->e).find_first_not_of(" .") == std::string_view::npos &&
          r.text.substr(qe, x->b - qe).find_first_of(",;:") == std::string_view::npos)
        return *out = p, true;
  if (same) {
    if (*same == "-") return false;
    *out = *same;
    return true;
  }
  *out = near ? *near : st.period;
  // (none named nor carried: on a fourth quarter's or a full year's call, the year ahead: "We'd
  // expect capital expenditures of around $1.5 billion"; on another quarter's, guidance raised,
  // lowered, narrowed or reaffirmed is the fiscal year's: "We are raising the low end of our
  // adjusted EPS guidance, now $10.55 to $10.65")
  if (const Call& call = ctx.analysis.call; out->empty() && call.fiscal_year && call.fiscal_quarter == 4) {
    *out = fmt::format("FY {}", call.fiscal_year + 1);
  } else if (out->empty() && call.fiscal_year && call.fiscal_quarter) {
    // (or one said against the prior outlook: "at least $26.00, compared with our prior outlook of ...")
    static const RE2 kPriorOutlook(R"((?i)\b(?:prior|previous|earlier|original)\s+(?:outlook|guidance|range|forecast)\b)");
    const std::string revision = Revision(r, qb);
    if ((!revision.empty() && revision != "declined" && revision != "withdrawn") || Hit(r.text.substr(qe), kPriorOutlook))
      *out = fmt::format("FY {}", call.fiscal_year);
  }
  return true;
}

}  // namespace callscope::rules::guidance_detail
