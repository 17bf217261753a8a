// The guidance module (data/guidance.pack): which of management's metric statements look forward,
// and for what. Runs after `metrics` on each sentence: a metric whose clause looks forward (a cue
// such as "we expect", or an outlook paragraph already under way) and does not report a result
// becomes a Guidance with a forward-resolved period ("the first quarter" in a Q4 call is next
// year's), a basis said or carried through the outlook, a qualifier, and a revision with the prior
// values ("up from our previous guidance of ..."). Sentences like "This includes a $0.01 benefit"
// attach a condition to the guidance just given; a named metric with a direction and a period
// but no number ("we expect to sustain these operating margins into Q4") is qualitative guidance.
#include "rules/modules/guidance.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "rules/engine.h"
#include "rules/modules/modules.h"
#include "rules/modules/phrases.h"

namespace callscope::rules {
namespace {

enum class Kind {
  kCue, kPast, kBoiler, kOpener, kRevision, kPrior, kQualifier, kCondition, kPeriod, kContrast,
  kBasis, kPastVerb, kDirection, kMacro, kMetric, kGrowth, kSkip, kLoss
};

struct Mention {
  uint32_t b, e;
  const Match* m;
  Kind kind;
};

struct State : ModuleState {
  int turn = -1;
  std::string period, basis;  // carried through the outlook, within one turn
  bool outlook = false;        // an outlook is under way in this turn
  int last_sentence = -1;      // the last sentence that gave guidance, and its items
  size_t last_begin = 0, last_end = 0;
  int value_sentence = -1;              // the last item's sentence and value span, for
  uint32_t value_b = 0, value_e = 0;    // "between $220 million loss and $80 million loss"
  std::vector<Mention> ms;
};

bool IsCurrency(const std::string& u) {
  return u.size() == 3 && std::all_of(u.begin(), u.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Units that a prior value can share with the guidance it preceded.
bool SameFamily(const std::string& a, const std::string& b) { return a == b || (IsCurrency(a) && IsCurrency(b)); }

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

bool Hit(std::string_view text, const RE2& re) { return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re); }

// The (up to) 40 bytes of `text` before `qb`, where a value's cues are read.
std::string_view Before(std::string_view text, uint32_t qb) { return text.substr(qb > 40 ? qb - 40 : 0, std::min<uint32_t>(40, qb)); }

// The text of one sentence as the module reads it: mentions by kind, clauses and their tense,
// and the periods it names, resolved forward.
struct Reading {
  enum Tense { kUnknown, kForward, kBack };
  std::string_view text;
  const Matches* matches = nullptr;      // this sentence's pack matches
  std::vector<const Mention*> mentions;  // in text order
  std::vector<uint32_t> cuts;             // clause starts, then the text's size
  std::vector<Tense> clause_tense;        // each clause's tense at its end
  Tense dflt = kBack;
  bool cue = false, results = false, opener = false;
  std::string condition;
  uint32_t prior_at = UINT32_MAX;  // a "previous guidance of" phrase: values after it are priors
  std::vector<std::pair<const Mention*, std::string>> periods;  // resolved ("" unknown, "-" past)
  std::vector<std::string> compared;  // periods[i] resolved when a comparison made it "" ("than our full year ...")

  size_t Clause(uint32_t pos) const {
    size_t c = 0;
    while (c + 2 < cuts.size() && cuts[c + 1] <= pos) ++c;
    return c;
  }
  static bool Forwardish(const Mention& x) {
    return x.kind == Kind::kCue || x.kind == Kind::kRevision || x.kind == Kind::kOpener ||
           (x.kind == Kind::kPeriod && x.m->rule->Attr("rel") == "long");
  }
  // The tense at `pos`: a result said before it in its clause (past, macro) wins; else the nearest
  // cue or past verb before it in the clause, else the first after it, else the clause before's.
  Tense At(uint32_t pos) const {
    size_t c = Clause(pos);
    uint32_t b = cuts[c], e = cuts[c + 1];
    const Mention* before = nullptr;
    const Mention* after = nullptr;
    // A long-term target named after it, before the value, wins: "were 68% of revenue, at the top
    // end of our long-term model range of 66% to 68%".
    auto long_term_after = [&](uint32_t from) {
      for (const Mention* y : mentions)
        if (y->kind == Kind::kPeriod && y->m->rule->Attr("rel") == "long" && y->b > from && y->b >= b && y->b < pos) return true;
      return false;
    };
    for (const Mention* x : mentions) {
      bool hard = x->kind == Kind::kPast || x->kind == Kind::kMacro;
      if (hard && x->b < e && x->e > b && x->b <= pos) return long_term_after(x->b) ? kForward : kBack;
      if (!hard && !Forwardish(*x) && x->kind != Kind::kPastVerb) continue;
      if (x->b < b || x->b >= e) continue;
      if (x->b < pos) before = x;
      else if (!after) after = x;
    }
    const Mention* d = before ? before : after;
    if (d) return d->kind == Kind::kPastVerb || d->kind == Kind::kPast || d->kind == Kind::kMacro ? kBack : kForward;
    for (size_t k = c; k-- > 0;)
      if (clause_tense[k] != kUnknown) return clause_tense[k];
    return dflt;
  }
};

class GuidanceModule : public Module {
 public:
  explicit GuidanceModule(const Pack& p) : pack_(p), metrics_(p.lexicon("metric")) {
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
      bool after = r->Attr("after") == "1";
      if (k->second == Kind::kQualifier || k->second == Kind::kSkip || k->second == Kind::kLoss)
        (after ? after_ : before_).push_back(r.get());
      if (k->second == Kind::kContrast) contrast_.push_back(r.get());
    }
  }
  const std::string& error() const { return error_; }
  const char* name() const override { return "guidance"; }
  std::unique_ptr<ModuleState> NewState() const override { return std::make_unique<State>(); }
  void Describe(const Analysis& a, std::vector<std::string>* lines) const override {
    for (const auto& g : a.tags.guidance) lines->push_back(rules::Describe(g));
  }

  // Management's sentences only
  bool Wants(const SentenceContext& ctx) const override {
    return ctx.role == Role::kExecutive || (ctx.role == Role::kOther && ctx.analysis.kind == DocKind::kDocument);
  }
  void Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const override {
    State& st = *static_cast<State*>(state);
    if (ctx.turn.index != st.turn) {
      st.turn = ctx.turn.index, st.period.clear(), st.basis.clear(), st.outlook = false;
      st.last_sentence = -1, st.last_begin = st.last_end = out->guidance.size();
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
    if (out->guidance.size() > first) {
      st.outlook = true;
      st.last_sentence = ctx.index, st.last_begin = first, st.last_end = out->guidance.size();
      const std::string& p = out->guidance.back().period;
      if (!p.empty() && p != "long-term") st.period = p;
    } else if (r.results) {
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

 private:
  // "$2.0 billion to $2.2 billion, or $2.1 billion at the midpoint": a range this sentence gave, restated
  static bool Midpoint(std::string_view text, const Quantity& q, uint32_t qe, const Tags& out, size_t first) {
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
  static bool MeasuredAgainst(const SentenceContext& ctx, const Quantity& q, const Tags& out, size_t first) {
    static const RE2 kAgainst(
        R"((?i)\b(?:below|above|than|versus|vs\.?)\s+(?:our|the|its)\s+((?:[\w&-]+\s+){1,6}?)(?:of|at)\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|nearly\s+)?$)");
    static const RE2 kTarget(R"((?i)\b(?:targets?|goals?|aspirations?|algorithm|model|guidance|outlook)\b)");
    const uint32_t qb = q.start - ctx.sentence.begin, from = qb > 90 ? qb - 90 : 0;
    re2::StringPiece words;
    return out.guidance.size() > first &&
           RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, qb - from), kAgainst, &words) &&
           !RE2::PartialMatch(words, kTarget);
  }

  static std::string_view StripSubject(std::string_view t) {
    static const RE2 kSubject(
        R"((?i)^\W*(?:this|that|these|which|the\s+(?:guidance|outlook|range|forecast)|our\s+(?:guidance|outlook))\s+(?:also\s+)?)");
    re2::StringPiece sp(t.data(), t.size());
    if (RE2::Consume(&sp, kSubject)) return std::string_view(sp.data(), sp.size());
    return t;
  }

  static const Quantity* QuantityAt(const SentenceContext& ctx, uint32_t start) {
    for (const Quantity& q : ctx.quantities)
      if (q.start == start) return &q;
    return nullptr;
  }

  Reading Read(const SentenceContext& ctx, const State& st, const Matches& m) const {
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
      else if (c == ' ' && Hit(text.substr(i, 24), kAndVerb))
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
    std::string last_quarter;
    for (const Mention* x : r.mentions) {
      if (x->kind != Kind::kPeriod) continue;
      bool nested = false;
      for (const Mention* y : r.mentions)
        if (y != x && y->kind == Kind::kPeriod && y->b <= x->b && y->e >= x->e && (y->e - y->b) > (x->e - x->b)) nested = true;
      if (nested) continue;
      std::string p = Resolve(ctx, m, *x->m, last_quarter);
      r.compared.push_back(Comparative(text, x->b) ? p : "");
      if (!r.compared.back().empty()) p = "";
      // "Software, once more, posted solid results this quarter with revenues up 6%": without a cue, a
      // sentence's "this quarter" is the quarter just reported, whatever the outlook before it
      if (!r.cue && x->m->rule->Attr("rel") == "this" && last_quarter.empty()) p = "-";
      if (!p.empty() && p[0] == 'Q') last_quarter = p;
      r.periods.push_back({x, p});
    }
    return r;
  }

  bool Comparative(std::string_view text, uint32_t b) const {
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

  static int QuarterNumber(std::string_view w) {
    if (w.empty()) return 0;
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    if (c >= '1' && c <= '4') return c - '0';
    return c == 'f' ? (w.size() > 1 && (w[1] == 'o' || w[1] == 'O') ? 4 : 1) : c == 's' ? 2 : c == 't' ? 3 : 0;
  }
  static int Year(std::string_view y) {
    if (y.empty()) return 0;
    int v = std::atoi(std::string(y).c_str());
    return v < 100 ? 2000 + v : v;
  }
  // The call's fiscal year and quarter, the year falling back on the call date.
  static std::pair<int, int> Now(const Call& c) {
    int y = c.fiscal_year, q = c.fiscal_quarter;
    const std::string& fp = c.fiscal_period;  // "Q3 2008", "FY 2013"
    if (!q && fp.size() >= 7 && fp[0] == 'Q' && fp[1] >= '1' && fp[1] <= '4') q = fp[1] - '0';
    if (!y && fp.size() >= 7) y = std::atoi(fp.substr(fp.size() - 4).c_str());
    if (!y && c.date.size() >= 4) y = std::atoi(c.date.substr(0, 4).c_str());
    return {y, q};
  }
  static std::string Q(int q, int y) { return y ? fmt::format("Q{} {}", q, y) : fmt::format("Q{}", q); }
  static std::string FY(int y) { return y ? fmt::format("FY {}", y) : "FY"; }

  // A period mention resolved forward against the call's fiscal quarter. "-": a period already
  // past (what is said of it is a result); "": not a period after all.
  static std::string Resolve(const SentenceContext& ctx, const Matches& m, const Match& x, const std::string& last_q) {
    auto [cy, cq] = Now(ctx.analysis.call);
    std::string rel = x.rule->Attr("rel");
    std::string_view ys = m.Group(x, "y");
    if (ys.empty()) ys = m.Group(x, "y2");
    int y = Year(ys);
    if (rel == "past") return "-";
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
  bool Period(const SentenceContext& ctx, const State& st, const Reading& r, uint32_t qb, uint32_t qe,
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
    if (same) {
      if (*same == "-") return false;
      *out = *same;
      return true;
    }
    *out = near ? *near : st.period;
    return true;
  }

  std::string Basis(const State& st, const Reading& r, const std::string& metric, uint32_t qb) const {
    const Mention* before = nullptr;
    const Mention* after = nullptr;
    for (const Mention* x : r.mentions) {
      if (x->kind != Kind::kBasis) continue;
      if (x->b < qb) before = x;
      else if (!after) after = x;
    }
    if (before) return before->m->rule->Attr("basis");
    // "EPS of $1.20 on a non-GAAP basis": after the value, close and in the same clause (not the
    // basis of another metric named right after it: "sales 3% to 5% and non-GAAP EPS").
    std::string base = metric.ends_with("_growth") ? metric.substr(0, metric.size() - 7) : metric;
    auto of_other = [&](const Mention* b) {
      return std::any_of(r.mentions.begin(), r.mentions.end(), [&](const Mention* y) {
        if (y->kind != Kind::kMetric || y->b < b->e || y->b - b->e > 2) return false;
        const Lexicon::Entry* e = metrics_->Find(r.text.substr(y->b, y->e - y->b));
        return e && e->Name() != base;
      });
    };
    if (after && after->b - qb <= 40 && r.Clause(after->b) == r.Clause(qb) && !of_other(after))
      return after->m->rule->Attr("basis");
    // Carried only to metrics that have a basis and are stated as rates or per share (revenue,
    // counts and cash amounts are rarely non-GAAP).
    const Lexicon::Entry* e = metrics_->Find(base);
    if (e && e->Attr("basis") == "yes" && (e->Attr("class") == "pct" || e->Attr("class") == "per_share")) return st.basis;
    return {};
  }

  // The first rule of `rules` matching the text before or after the value.
  const Rule* Beside(std::string_view text, uint32_t qb, uint32_t qe, Kind kind) const {
    std::string_view before = Before(text, qb), after = text.substr(qe, 40);
    for (const Rule* rule : after_)
      if (kind_.at(rule) == kind && Hit(after, *rule->match)) return rule;
    for (const Rule* rule : before_)
      if (kind_.at(rule) == kind && Hit(before, *rule->match)) return rule;
    return nullptr;
  }

  bool Skipped(std::string_view text, uint32_t qb, uint32_t qe, bool growth) const {
    std::string_view before = Before(text, qb), after = text.substr(qe, 40);
    for (const Rule* rule : after_)
      if (kind_.at(rule) == Kind::kSkip && (growth || rule->Attr("growth") != "1") && Hit(after, *rule->match)) return true;
    for (const Rule* rule : before_)
      if (kind_.at(rule) == Kind::kSkip && (growth || rule->Attr("growth") != "1") && Hit(before, *rule->match)) return true;
    return false;
  }

  std::string Qualifier(std::string_view text, uint32_t qb, uint32_t qe, bool approx) const {
    if (const Rule* rule = Beside(text, qb, qe, Kind::kQualifier)) {
      std::string q = rule->Attr("qualifier");
      std::replace(q.begin(), q.end(), '_', ' ');
      return q;
    }
    return approx ? "approximately" : "";
  }

  // Values from a metric: its level, else a growth rate ("revenue growth of 18% to 20%").
  bool FromMetric(const SentenceContext& ctx, const Reading& r, const Metric& mt, const Quantity& q, Guidance* g) const {
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
      if (q.unit != mt.unit && !(mt.unit.ends_with("/share") && q.unit == mt.unit.substr(0, mt.unit.size() - 6)) &&
          !(q.unit == "number" || q.unit == "count" || q.unit == "shares" || q.unit == "days" || q.unit == "x"))
        return false;
      return true;
    }
    for (const auto& c : mt.comparisons) {
      if (c.type != "change" || c.unit != "%") continue;
      g->metric = mt.metric + "_growth";
      g->unit = "%";
      bool down = c.value < 0 && !(q.low <= 0 && q.high >= 0 && q.low < q.high);  // (a range across zero is as said)
      g->low = down ? -q.high : q.low, g->high = down ? -q.low : q.high;
      return true;
    }
    return false;
  }

  // Is `metric` named in the ';'-part of the sentence that holds `pos`, before it or right after it?
  bool NamedInPart(const Reading& r, const std::string& metric, uint32_t pos) const {
    size_t start = r.text.rfind(';', pos);
    start = start == std::string_view::npos ? 0 : start;
    size_t end = r.text.find(';', pos);
    end = end == std::string_view::npos ? r.text.size() : end;
    // The nearest mention of the metric before the value, inside a condition ("which excludes ...
    // other operating expenses, to be between ..."), names what the guidance leaves out.
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
  static const Quantity* PriorUpper(const SentenceContext& ctx, const Quantity& q, double low) {
    static const RE2 kFrom(R"((?i)\bfrom\s+$)"), kToGap(R"(^\s*(?:to|-)\s*$)");
    const std::string_view s = ctx.text;
    const uint32_t base = ctx.sentence.begin;
    for (size_t i = 0; i + 1 < ctx.quantities.size(); ++i) {
      const Quantity &a = ctx.quantities[i], &b = ctx.quantities[i + 1];
      if (a.start <= q.start || a.low != low || a.unit != b.unit) continue;
      const uint32_t ab = a.start - base, ae = a.end - base, bb = b.start - base;
      if (Hit(s.substr(ab > 12 ? ab - 12 : 0, ab > 12 ? 12 : ab), kFrom) && Hit(s.substr(ae, bb - ae), kToGap)) return &b;
    }
    return nullptr;
  }

  // Fills the rest of an item whose values are set, and appends it unless it is not guidance.
  void Emit(const SentenceContext& ctx, State& st, const Reading& r, const Quantity& q, Guidance* g,
            std::vector<uint32_t>* used, Tags* out) const {
    uint32_t qb = q.start - ctx.sentence.begin, qe = q.end - ctx.sentence.begin;
    if (r.At(qb) != Reading::kForward || (r.prior_at != UINT32_MAX && qb > r.prior_at) || Delta(r, qb)) return;
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
      for (auto mt = ctx.metrics.rbegin(); mt != ctx.metrics.rend(); ++mt)
        if (mt->start == q.start)
          for (const auto& c : mt->comparisons)
            if (c.type == "from") {
              g->prior_low = g->prior_high = c.value;
              if (const Quantity* upper = q.low < q.high ? PriorUpper(ctx, q, c.value) : nullptr) g->prior_high = upper->high;
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
  bool Delta(const Reading& r, uint32_t qb) const {
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
  static bool InCondition(const Reading& r, uint32_t qb) {
    for (const Mention* x : r.mentions)
      if (x->kind == Kind::kCondition && qb >= x->b && qb < x->e && x->b > 0) return true;
    return false;
  }

  // The revision said of the value at `qb`: the last one before it with no other cue between, or
  // one later in its clause.
  static std::string Revision(const Reading& r, uint32_t qb) {
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

  // The growth metric a % at [qb, qe) measures: a "<metric> growth" right after it (no comma or
  // number between) or before it in the same clause.
  bool Growth(const SentenceContext& ctx, const Reading& r, uint32_t qb, uint32_t qe, std::string* metric, bool* negative) const {
    const Mention* hit = nullptr;
    for (const Mention* x : r.mentions)
      if (x->kind == Kind::kGrowth && x->b >= qe && x->b - qe <= 40 &&
          r.text.substr(qe, x->b - qe).find_first_of(",;") == std::string_view::npos && !QuantityIn(ctx, qe, x->b)) {
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
    if (e) {
      base = e->Name();
    } else {
      for (char c : m.Group(*hit->m, "word"))
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
  bool Fallback(const SentenceContext& ctx, const Reading& r, const Quantity& q,
                std::string* metric, std::string* unit) const {
    uint32_t qb = q.start - ctx.sentence.begin, qe = q.end - ctx.sentence.begin;
    // "from 29% to 28.5%", "by 0.5%", "versus 2.8%": a comparison the metric already holds.
    static const RE2 kCompared(R"((?i)\b(?:from|by|versus|vs\.?|than|over|against|compared\s+(?:to|with))\s+(?:the\s+|our\s+)?$)");
    if (Hit(Before(r.text, qb), kCompared)) return false;
    // "free cash flow to be up $2 billion year-on-year": an amount of change, no level
    static const RE2 kChange(R"((?i)\b(?:up|down)\s+(?:by\s+)?(?:approximately\s+|about\s+|around\s+|roughly\s+|nearly\s+)?$)");
    if (q.unit != "%" && Hit(Before(r.text, qb), kChange)) return false;
    static const RE2 kToGap(R"(^\s*(?:to|-)\s*$)");
    auto allowed = [&](const Quantity& between, const std::string& canonical) {
      uint32_t bb = between.start - ctx.sentence.begin, be = between.end - ctx.sentence.begin;
      if (Delta(r, bb)) return true;
      if (be <= qb && Hit(r.text.substr(be, qb - be), kToGap)) return true;
      for (const Metric& mt : ctx.metrics)
        if (mt.start == between.start && mt.metric == canonical) return true;
      return false;
    };
    static const RE2 kShareOf(R"((?:%|percent)\s+of\s+(?:total\s+|net\s+|our\s+)?$)");
    const Lexicon::Entry* named = nullptr;
    for (const Mention* x : r.mentions) {
      if (x->kind != Kind::kMetric || x->e > qb || qb - x->e > 150) continue;
      if (Hit(r.text.substr(x->b > 20 ? x->b - 20 : 0, std::min<uint32_t>(20, x->b)), kShareOf)) continue;  // "68% of revenue"
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
  static bool QuantityIn(const SentenceContext& ctx, uint32_t b, uint32_t e) {
    for (const Quantity& q : ctx.quantities) {
      uint32_t at = q.start - ctx.sentence.begin;
      if (at >= b && at < e) return true;
    }
    return false;
  }

  // The same item already said in this turn. Guidance is appended in turn order, so only the tail
  // is searched (a scan of the whole list made a call of 20,000 turns take minutes).
  static bool Duplicate(const Tags& t, const Guidance& g) {
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

  void Priors(const SentenceContext& ctx, const State& st, const Reading& r, const std::vector<uint32_t>& used,
              size_t first, Tags* out) const {
    static const RE2 kUp(R"((?i)\bup\s+from\b)"), kDown(R"((?i)\bdown\s+from\b)");
    for (const Quantity& q : ctx.quantities) {
      uint32_t qb = q.start - ctx.sentence.begin;
      if (qb < r.prior_at || std::find(used.begin(), used.end(), qb) != used.end()) continue;
      // This sentence's guidance first, else the previous sentence's.
      Guidance* target = nullptr;
      for (size_t i = out->guidance.size(); i-- > first;)
        if (SameFamily(out->guidance[i].unit, q.unit) && std::isnan(out->guidance[i].prior_low)) {
          target = &out->guidance[i];
          break;
        }
      if (!target && first == out->guidance.size() && st.last_sentence == ctx.index - 1)
        for (size_t i = st.last_end; i-- > st.last_begin;)
          if (SameFamily(out->guidance[i].unit, q.unit) && std::isnan(out->guidance[i].prior_low)) {
            target = &out->guidance[i];
            break;
          }
      if (!target) continue;
      target->prior_low = q.low, target->prior_high = q.high;
      std::string_view head = r.text.substr(0, qb);
      if (Hit(head, kUp)) target->revision = "raised";
      else if (Hit(head, kDown)) target->revision = "lowered";
      else if (target->revision.empty())
        target->revision = target->low > q.low && target->high >= q.high   ? "raised"
                           : target->low < q.low && target->high <= q.high ? "lowered"
                           : target->low == q.low && target->high == q.high ? "reaffirmed"
                                                                            : "";
      break;
    }
  }

  void Qualitative(const SentenceContext& ctx, const Reading& r, Tags* out) const {
    if (r.prior_at != UINT32_MAX || !ctx.quantities.empty() || r.opener) return;
    if (!r.text.empty() && r.text.find('?') != std::string_view::npos) return;
    const Mention* cue = nullptr;
    const Mention* metric = nullptr;
    const Mention* direction = nullptr;
    const Mention* rev = nullptr;
    std::string revision;
    for (const Mention* x : r.mentions) {
      if (x->kind == Kind::kRevision && revision.empty()) revision = x->m->rule->Attr("revision"), rev = x;
      if (x->kind == Kind::kCue && x->m->rule->Attr("qualitative") == "1" && !cue && r.At(x->b) == Reading::kForward) cue = x;
      if (x->kind == Kind::kMetric && cue && !metric && x->b >= cue->b && x->b - cue->e <= 60) metric = x;
      if (x->kind == Kind::kDirection && cue && !direction && x->b >= cue->b) direction = x;
    }
    Guidance g;
    if (revision == "withdrawn" || revision == "declined" || (revision == "reaffirmed" && !metric)) {
      g.metric = "outlook";
      g.revision = revision;
      if (revision == "declined") Refused(r, *rev, &g);
    } else {
      if (!cue || !metric || !direction) return;
      if (direction->b > metric->e + 40) return;
      const Lexicon::Entry* e = metrics_->Find(r.text.substr(metric->b, metric->e - metric->b));
      if (!e) return;
      g.metric = e->Name();
      g.revision = revision;
    }
    g.qualitative = true;
    for (const auto& [x, p] : r.periods) {
      if (p.empty() || x->m->rule->Attr("rel") == "this") continue;
      if (p == "-") return;
      g.period = p;
      break;
    }
    if (g.period.empty() && g.metric != "outlook" && g.revision != "declined") return;  // "a named metric and period"
    g.condition = r.condition;
    g.speaker = ctx.turn.speaker, g.turn = ctx.turn.index, g.sentence = ctx.index;
    g.start = ctx.sentence.begin, g.end = ctx.sentence.end;
    g.quote = std::string(ctx.text);
    if (!Duplicate(*out, g)) out->guidance.push_back(std::move(g));
  }

  // The line a refusal names, when it names one: a metric ("no quarterly revenue guidance",
  // "guidance on capex") or a business ("Trading guidance", "an outlook for the Devices segment").
  void Refused(const Reading& r, const Mention& rev, Guidance* g) const {
    static const RE2 kOn(R"((?i)^\s+(?:on|for|about)\s+(?:the\s+|our\s+|its\s+)?$)");
    for (const Mention* x : r.mentions) {
      if (x->kind != Kind::kMetric || x->b < rev.b || x->b > rev.e + 20) continue;
      if (x->b >= rev.e && !Hit(r.text.substr(rev.e, x->b - rev.e), kOn)) continue;
      if (const Lexicon::Entry* e = metrics_->Find(r.text.substr(x->b, x->e - x->b))) {
        g->metric = e->Name();
        return;
      }
    }
    static const RE2 kBefore(R"(\s((?:[A-Z][a-z][A-Za-z&]*\s+){1,2})(?i:guidance|outlook|forecasts?)$)");
    static const RE2 kAfter(
        R"(^\s+(?i:on|for)\s+(?:(?i:the|our|its)\s+)?([A-Z][A-Za-z&]+(?:\s+[A-Z][A-Za-z&]+)?)\s+(?i:segment|business|division|unit)\b)");
    re2::StringPiece name;
    std::string_view span = r.text.substr(rev.b, rev.e - rev.b), after = r.text.substr(rev.e);
    if (RE2::PartialMatch(re2::StringPiece(span.data(), span.size()), kBefore, &name) ||
        RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kAfter, &name))
      g->segment = std::string(Trim(std::string_view(name.data(), name.size())));
  }

  const Pack& pack_;
  const Lexicon* metrics_;
  std::unordered_map<const Rule*, Kind> kind_;
  std::vector<const Rule*> before_, after_, contrast_;
  std::string error_;
};

}  // namespace

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
  auto m = std::make_unique<GuidanceModule>(pack);
  if (!m->error().empty()) return Status(Code::kRules, m->error());
  return std::unique_ptr<Module>(std::move(m));
}

}  // namespace callscope::rules
