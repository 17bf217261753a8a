// The quantities module (data/quantities.pack): finds every number in a sentence and reads it into
// value/low/high + unit in base units. Every other module builds on its output.
#include "rules/modules/quantities.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rules/engine.h"
#include "rules/modules/modules.h"

namespace callscope::rules {

std::optional<double> ParseNumber(std::string_view t, int exp, const Lexicon* words) {
  while (!t.empty() && (t.front() == '[' || t.front() == ' ')) t.remove_prefix(1);
  if (t.empty()) return std::nullopt;
  std::string digits;
  if ((t.front() >= '0' && t.front() <= '9') || t.front() == '.') {
    for (char c : t) {
      if ((c >= '0' && c <= '9') || c == '.') digits.push_back(c);
      else if (c != ',') break;
    }
  } else {
    if (!words) return std::nullopt;
    double total = 0, cur = 0;
    std::string frac;
    bool point = false, any = false, units_last = false;
    size_t p = 0;
    while (p < t.size()) {
      size_t e = p;
      while (e < t.size() && t[e] != ' ' && t[e] != '-') ++e;
      std::string_view w = t.substr(p, e - p);
      p = e + 1;
      if (w.empty() || w == "and" || w == "a" || w == "A") continue;  // ("a hundred and forty": 140)
      if (w == "point") {
        point = true;
        continue;
      }
      const Lexicon::Entry* entry = words->Find(w);
      if (!entry) return std::nullopt;
      double v = std::strtod(entry->Attr("value", "0").c_str(), nullptr);
      any = true;
      if (point) frac += std::to_string(static_cast<int>(v) % 10);
      else if (v == 100) cur = (cur == 0 ? 1 : cur) * 100;
      else if (v >= 1000) total += (cur == 0 ? 1 : cur) * v, cur = 0;
      // "four twenty million", "one twenty five": a digit then tens said for hundreds (420, 125)
      else if (cur >= 1 && cur <= 9 && v >= 10 && v <= 90 && units_last) cur = cur * 100 + v;
      else cur += v;
      units_last = v >= 1 && v <= 9 && cur == v;
    }
    if (!any) return std::nullopt;
    digits = std::to_string(static_cast<long long>(total + cur));
    if (!frac.empty()) digits += "." + frac;
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  digits += "e" + std::to_string(exp);
  return std::strtod(digits.c_str(), nullptr);
}

namespace {

enum class Kind { kQuantity, kIgnore, kQualifier };

struct RuleInfo {
  Kind kind = Kind::kQuantity;
  std::string unit;
  int exp = 0;
  bool negative = false, approx = false;
  bool near = false;  // a range's high end is at most twice its low ("5 or 6 million")
  std::pair<double, double> band[3];  // low, mid, high
  bool has_band = false;
};

std::pair<double, double> Band(const std::string& s) {
  size_t dots = s.find("..");
  if (dots == std::string::npos) return {0, 0};
  return {std::strtod(s.c_str(), nullptr), std::strtod(s.c_str() + dots + 2, nullptr)};
}

class Quantities : public Module {
 public:
  explicit Quantities(const Pack& p) : pack_(p) {
    numbers_ = p.lexicon("numword"), scales_ = p.lexicon("scale"), currencies_ = p.lexicon("currency");
    curwords_ = p.lexicon("curword"), units_ = p.lexicon("unitword"), fractions_ = p.lexicon("fracword");
    for (const auto& r : p.rules()) {
      RuleInfo& in = info_[r.get()];
      std::string kind = r->Attr("kind", "quantity");
      in.kind = kind == "ignore" ? Kind::kIgnore : kind == "qualifier" ? Kind::kQualifier : Kind::kQuantity;
      in.unit = r->Attr("unit");
      in.exp = std::atoi(r->Attr("exp", "0").c_str());
      in.negative = r->Attr("sign") == "-1";
      in.approx = r->Attr("approx") == "1";
      in.near = r->Attr("near") == "1";
      in.has_band = !r->Attr("low").empty();
      in.band[0] = Band(r->Attr("low")), in.band[1] = Band(r->Attr("mid")), in.band[2] = Band(r->Attr("high"));
    }
  }
  const char* name() const override { return "quantities"; }
  void Describe(const Analysis& a, std::vector<std::string>* lines) const override {
    for (const auto& q : a.tags.quantities) lines->push_back(rules::Describe(q, a.turns[q.turn].text));
  }

  bool Wants(const SentenceContext& ctx) const override { return pack_.MayMatch(ctx.text); }
  void Run(const SentenceContext& ctx, ModuleState*, Matches* m, Tags* out) const override {
    if (!m->searched) return;
    struct Cand {
      const Match* m;
      const RuleInfo* in;
      Quantity q;
    };
    std::vector<Cand> cands;
    for (const Match& x : m->list) {
      const RuleInfo& in = info_.at(x.rule);
      if (in.kind == Kind::kQualifier) continue;
      Cand c{&x, &in, {}};
      if (in.kind == Kind::kQuantity && !Interpret(*m, x, in, &c.q)) continue;
      cands.push_back(std::move(c));
    }
    if (cands.empty()) return;
    // Longest first; on a tie the ignore rule, then the earlier start, then the earlier rule.
    std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
      uint32_t la = a.m->end - a.m->begin, lb = b.m->end - b.m->begin;
      if (la != lb) return la > lb;
      if ((a.in->kind == Kind::kIgnore) != (b.in->kind == Kind::kIgnore)) return a.in->kind == Kind::kIgnore;
      if (a.m->begin != b.m->begin) return a.m->begin < b.m->begin;
      return a.m->rule->line < b.m->rule->line;  // (the pack's order, not where the rules sit in memory)
    });
    // Kept spans are disjoint, so only the kept span starting last before c's end can overlap c:
    // a map by start makes this O(log n) (the scan of every kept span was quadratic on a long
    // sentence full of numbers: 200,000 "$5" in one sentence ran for minutes).
    std::vector<const Cand*> kept;
    std::map<uint32_t, uint32_t> kept_spans;  // begin -> end
    for (const Cand& c : cands) {
      if (c.m->begin == c.m->end) continue;  // an empty match is no quantity and blocks nothing
      auto it = kept_spans.lower_bound(c.m->end);
      if (it != kept_spans.begin() && std::prev(it)->second > c.m->begin) continue;
      kept_spans.emplace(c.m->begin, c.m->end);
      kept.push_back(&c);
    }
    std::unordered_set<uint32_t> qualifier_ends;
    for (const Match& x : m->list)
      if (info_.at(x.rule).kind == Kind::kQualifier) qualifier_ends.insert(x.end);
    std::sort(kept.begin(), kept.end(), [](const Cand* a, const Cand* b) { return a->m->begin < b->m->begin; });
    for (const Cand* c : kept) {
      if (c->in->kind != Kind::kQuantity) continue;
      Quantity q = c->q;
      if (qualifier_ends.count(c->m->begin)) q.approx = true;
      q.turn = ctx.sentence.turn;
      q.sentence = ctx.index;
      q.start = ctx.sentence.begin + c->m->begin;
      q.end = ctx.sentence.begin + c->m->end;
      out->quantities.push_back(std::move(q));
    }
  }

 private:
  // Sums and midpoints to 12 significant digits: $2.95 - $0.07 is 2.88, not 2.8800000000000003.
  static double Tidy(double v) { return std::strtod(fmt::format("{:.12g}", v).c_str(), nullptr); }

  int Exp(std::string_view s) const {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    const Lexicon::Entry* e = s.empty() ? nullptr : scales_->Find(s);
    return e ? std::atoi(e->Attr("exp", "0").c_str()) : 0;
  }

  bool Interpret(const Matches& m, const Match& x, const RuleInfo& in, Quantity* q) const {
    auto g = [&](const char* name) { return m.Group(x, name); };
    std::string_view n = g("n"), n2 = g("n2"), s = g("s"), s2 = g("s2");
    q->approx = in.approx || !g("more").empty();  // "$30-plus million": at least the amount
    q->unit = in.unit;
    if (std::string_view u = g("unit"); !u.empty()) {
      const Lexicon::Entry* e = units_->Find(u);
      q->unit = e ? e->canonical : u == "%" ? "%" : q->unit;
    }
    if (in.unit == "money" || !g("cur").empty() || !g("cur2").empty() || !g("curword").empty()) {
      std::string_view c = !g("cur").empty() ? g("cur") : g("cur2");
      const Lexicon::Entry* e = !c.empty() ? currencies_->Find(c) : curwords_->Find(g("curword"));
      if (!e) return false;
      q->unit = e->canonical;
    }
    if (!g("per").empty()) q->unit += "/share";
    if (std::string_view pos = g("pos"); !pos.empty() && in.has_band) {
      auto band_of = [&](std::string_view p) {
        return in.band[p[0] == 'l' || p[0] == 'L' ? 0 : p[0] == 'm' || p[0] == 'M' ? 1 : 2];
      };
      std::string_view pos2 = g("pos2");  // "mid-to-high single digits": from the one band to the other
      double base = n.empty() ? 0 : ParseNumber(n, 0, numbers_).value_or(0);
      q->low = base + band_of(pos).first, q->high = base + band_of(pos2.empty() ? pos : pos2).second;
      // "flat to up low single digits": from zero to the band's top ("flat to down": from below)
      if (!g("flat").empty()) q->low = 0;
      if (!g("down").empty()) q->low = -q->high, q->high = 0;
      q->value = Tidy((q->low + q->high) / 2), q->range = true, q->approx = true;
      return true;
    }
    // "a dollar twelve", "two dollars and five cents": dollars and cents said apart
    if (std::string_view c = !g("cents").empty() ? g("cents") : g("cents2"); !c.empty()) {
      auto d = n == "a" || n == "A" ? std::optional<double>(1) : ParseNumber(n, 0, numbers_);
      auto k = ParseNumber(c, 0, numbers_);
      if (!d || !k || *k < 1 || *k >= 100) return false;
      q->value = q->low = q->high = Tidy(*d + *k / 100);
      return true;
    }
    if (std::string_view den = g("den"); !den.empty()) {
      const Lexicon::Entry* e = fractions_->Find(den);
      double d = e ? std::atof(e->Attr("den").c_str()) : ParseNumber(den, 0, nullptr).value_or(0);
      double k = n == "a" || n == "A" ? 1 : ParseNumber(n, 0, numbers_).value_or(0);
      if (d <= 0 || k <= 0 || k >= d) return false;
      q->value = q->low = q->high = k / d;
      return true;
    }
    int e1 = Exp(s), e2 = Exp(s2);
    // "$3.57 to 3.62 billion": the scale carries back (not onto a number written whole: "$750,000
    // to $1 million")
    // (parsed only when there is a scale to carry: most numbers have neither; e1 is 0 without one)
    if (s.empty() && e2 != 0) {
      auto whole = ParseNumber(n, in.exp, numbers_);
      e1 = whole && std::fabs(*whole) >= 1000 ? 0 : e2;
    }
    if (s2.empty()) e2 = e1;  // "$921 million and 971 million"/"and 971": and forward
    // "flat to up 2%", "flat to down 3%": a range from zero ("a loss of $2 million to breakeven":
    // to zero, from below it)
    const bool flat_end = !g("flatend").empty();
    if ((!g("flat").empty() || flat_end) && !n2.empty()) {
      auto v2 = ParseNumber(n2, e2 + in.exp, numbers_);
      if (!v2 || *v2 <= 0) return false;
      bool down = !g("down").empty() || flat_end;
      q->low = down ? -*v2 : 0, q->high = down ? 0 : *v2;
      q->value = Tidy((q->low + q->high) / 2), q->range = true;
      return !q->unit.empty();
    }
    auto v1 = ParseNumber(n, e1 + in.exp, numbers_);
    if (!v1) return false;
    // "between 5 and 600 million", "five to six hundred million": a digit before hundreds is
    // hundreds too (500..600 million, not 5..600); "225 to $250,000": a number before thousands is
    // thousands (the first end at least half the second's)
    // (parsed only when the second end is said in round hundreds: most ranges are not)
    if (s.empty() && (n2.ends_with("00") || n2.ends_with("hundred") || n2.ends_with("thousand"))) {
      auto a = ParseNumber(n, 0, numbers_), b = ParseNumber(n2, 0, numbers_);
      for (double k : {100.0, 1000.0}) {
        if (!a || !b || *a < 1 || *a != std::floor(*a) || std::fmod(*b, k) != 0) continue;
        const double lead = *b / k;  // 6 of "600", 250 of "250,000"
        if (*a < lead && *a * 2 >= lead && (k == 1000 || (e2 != 0 && lead <= 9))) {
          *v1 *= k;
          break;
        }
      }
    }
    double sign = in.negative || !g("neg").empty() ? -1 : 1;
    q->value = q->low = q->high = sign * *v1;
    if (std::string_view d = g("d"); !d.empty()) {  // "$5.4 billion, plus or minus $150 million"
      std::string_view ds = g("ds"), du = g("du"), dp = g("dp");
      auto dv = ParseNumber(d, dp.empty() ? (ds.empty() ? e1 : Exp(ds)) + in.exp : 0, numbers_);
      if (!dv || *dv <= 0) return false;
      double delta = !du.empty() && (du[0] == 'b' || du[0] == 'B') ? *dv / 100 : *dv;  // basis points of a %
      if (!dp.empty()) delta = std::fabs(q->value) * *dv / 100;  // "$6.2 billion, plus or minus 3%"
      q->low = Tidy(q->value - delta), q->high = Tidy(q->value + delta), q->range = true;
      return !q->unit.empty();
    }
    if (!n2.empty() && (!g("neg").empty() || !g("neg2").empty())) {
      // "negative $0.09 to negative $0.07": both ends signed, or no range at all; "-2% to +1%": from
      // below zero to above it
      const bool across = !g("neg").empty() && g("neg2").empty() && !g("plus2").empty();
      if (!across && (g("neg").empty() || g("neg2").empty())) return false;
      auto v2 = ParseNumber(n2, e2 + in.exp, numbers_);
      if (!v2) return false;
      if (across) q->low = -*v1, q->high = *v2;
      else q->low = -std::max(*v1, *v2), q->high = -std::min(*v1, *v2);
      q->value = Tidy((q->low + q->high) / 2);
      q->range = true;
    } else if (!n2.empty()) {
      auto v2 = ParseNumber(n2, e2 + in.exp, numbers_);
      if (!v2 || *v2 <= *v1) return false;  // "from 29% to 28.5%" is a change, not a range
      if (in.near && *v2 > 2 * *v1) return false;  // "$100 million or 10 million ..." are two
      q->low = sign * *v1, q->high = sign * *v2;
      if (q->low > q->high) std::swap(q->low, q->high);
      q->value = Tidy((q->low + q->high) / 2);
      q->range = true;
    }
    return !q->unit.empty();
  }

  const Pack& pack_;
  const Lexicon *numbers_, *scales_, *currencies_, *curwords_, *units_, *fractions_;
  std::unordered_map<const Rule*, RuleInfo> info_;
};

}  // namespace

Result<std::unique_ptr<Module>> MakeQuantities(const Pack& pack) {
  for (const char* lex : {"numword", "scale", "currency", "curword", "unitword", "fracword"})
    if (!pack.lexicon(lex))
      return Status(Code::kRules, "quantities.pack: the quantities module needs a lexicon named {" + std::string(lex) + "}");
  return std::unique_ptr<Module>(new Quantities(pack));
}

}  // namespace callscope::rules
