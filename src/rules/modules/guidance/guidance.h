// The guidance module's own header (data/guidance.pack), shared by its files only: what a
// sentence's mentions are, how a sentence reads (Reading: which clauses look forward), the state
// carried between sentences, and the module class, whose member functions live by concern in
// module.cc (the sentence flow), periods.cc, figures.cc (each figure's guidance and its fields)
// and qualitative.cc (guidance without a number, and guidance withheld).
#pragma once
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "rules/engine.h"
#include "rules/modules/guidance.h"
#include "rules/modules/modules.h"
#include "rules/modules/phrases.h"

namespace callscope::rules::guidance_detail {

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
  std::string question_period;  // the one period to come the last question named (QuestionPeriod)
  int question_turn = -1;
  bool outlook = false;        // an outlook is under way in this turn
  int last_sentence = -1;      // the last sentence that gave guidance, and its items
  size_t last_begin = 0, last_end = 0;
  int value_sentence = -1;              // the last item's sentence and value span, for
  uint32_t value_b = 0, value_e = 0;    // "between $220 million loss and $80 million loss"
  std::vector<Mention> ms;
};

inline bool IsCurrency(const std::string& u) {
  return u.size() == 3 && std::all_of(u.begin(), u.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Units that a prior value can share with the guidance it preceded.
inline bool SameFamily(const std::string& a, const std::string& b) { return a == b || (IsCurrency(a) && IsCurrency(b)); }

inline std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

inline bool Hit(std::string_view text, const RE2& re) { return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re); }

// Rules read together in a window beside a value (data/guidance.pack's `after=1` and `before=`
// rules): one RE2::Set pass over the window names the rules that match in it, where a search per
// rule took one pass each.
class RuleSet {
 public:
  bool Add(const Rule* r) {
    if (!set_) set_ = std::make_unique<RE2::Set>(r->match->options(), RE2::UNANCHORED);
    if (set_->Add(r->match->pattern(), nullptr) < 0) return false;
    rules_.push_back(r);
    return true;
  }
  bool Compile() { return !set_ || set_->Compile(); }
  // The first rule, in pack order, that matches in `window` (a part of `sentence`), its guards
  // read as a search of the sentence would read them (the match found again in the window for a
  // rule that has guards); nullptr if none.
  const Rule* First(std::string_view window, std::string_view sentence) const {
    if (!set_) return nullptr;
    thread_local std::vector<int> ids;
    if (!set_->Match(re2::StringPiece(window.data(), window.size()), &ids)) return nullptr;
    std::sort(ids.begin(), ids.end());
    for (int id : ids) {
      const Rule* r = rules_[id];
      if (!r->Guarded()) return r;
      re2::StringPiece w(window.data(), window.size()), span;
      if (!r->KeepsText(sentence) || !r->match->Match(w, 0, w.size(), RE2::UNANCHORED, &span, 1)) continue;
      const size_t b = span.data() - sentence.data();
      if (r->KeepsAt(sentence, b, b + span.size())) return r;
    }
    return nullptr;
  }

 private:
  std::unique_ptr<RE2::Set> set_;
  std::vector<const Rule*> rules_;
};

// The (up to) 40 bytes of `text` before `qb`, where a value's cues are read.
inline std::string_view Before(std::string_view text, uint32_t qb) { return text.substr(qb > 40 ? qb - 40 : 0, std::min<uint32_t>(40, qb)); }

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
  explicit GuidanceModule(const Pack& p);
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
  void Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const override;

 private:
  // module.cc: the sentence flow, and what each sentence's mentions say
  Reading Read(const SentenceContext& ctx, const State& st, const Matches& m) const;
  bool Comparative(std::string_view text, uint32_t b) const;

  // periods.cc: a forward period resolved against the call
  static int QuarterNumber(std::string_view w);
  static int Year(std::string_view y);
  static std::pair<int, int> Now(const Call& c);
  static std::string Q(int q, int y) { return y ? fmt::format("Q{} {}", q, y) : fmt::format("Q{}", q); }
  static std::string FY(int y) { return y ? fmt::format("FY {}", y) : "FY"; }
  static std::string Resolve(const SentenceContext& ctx, const Matches& m, const Match& x, const std::string& last_q);
  bool Period(const SentenceContext& ctx, const State& st, const Reading& r, uint32_t qb, uint32_t qe,
              std::string* out) const;

  // figures.cc: each figure's guidance and its fields
  static bool Midpoint(std::string_view text, const Quantity& q, uint32_t qe, const Tags& out, size_t first);
  static bool MeasuredAgainst(const SentenceContext& ctx, const Quantity& q, const Tags& out, size_t first);
  static std::string_view StripSubject(std::string_view t);
  static bool InDriver(std::string_view text, uint32_t pos);
  static const Quantity* QuantityAt(const SentenceContext& ctx, uint32_t start);
  std::string Basis(const State& st, const Reading& r, const std::string& metric, uint32_t qb) const;
  const Rule* Beside(std::string_view text, uint32_t qb, uint32_t qe, Kind kind) const;
  bool Skipped(std::string_view text, uint32_t qb, uint32_t qe, bool growth) const;
  std::string Qualifier(std::string_view text, uint32_t qb, uint32_t qe, bool approx) const;
  bool FromMetric(const SentenceContext& ctx, const Reading& r, const Metric& mt, const Quantity& q, Guidance* g) const;
  bool NamedInPart(const Reading& r, const std::string& metric, uint32_t pos) const;
  static const Quantity* PriorUpper(const SentenceContext& ctx, const Quantity& q, double low);
  void Emit(const SentenceContext& ctx, State& st, const Reading& r, const Quantity& q, Guidance* g,
            std::vector<uint32_t>* used, Tags* out) const;
  bool Delta(const Reading& r, uint32_t qb) const;
  static bool InCondition(const Reading& r, uint32_t qb);
  static std::string Revision(const Reading& r, uint32_t qb);
  bool Growth(const SentenceContext& ctx, const Reading& r, uint32_t qb, uint32_t qe, std::string* metric, bool* negative) const;
  bool Fallback(const SentenceContext& ctx, const Reading& r, const Quantity& q,
                std::string* metric, std::string* unit) const;
  static bool QuantityIn(const SentenceContext& ctx, uint32_t b, uint32_t e);
  static bool Duplicate(const Tags& t, const Guidance& g);
  void Priors(const SentenceContext& ctx, const State& st, const Reading& r, const std::vector<uint32_t>& used,
              size_t first, Tags* out) const;

  // qualitative.cc: guidance without a number, and guidance withheld
  void Qualitative(const SentenceContext& ctx, const Reading& r, Tags* out) const;
  bool NamesNone(const Mention& x, const Reading& r) const;
  void Refused(const Reading& r, const Mention& rev, Guidance* g) const;

  const Pack& pack_;
  const Lexicon* metrics_;
  std::unordered_map<const Rule*, Kind> kind_;
  std::vector<const Rule*> contrast_;
  // Beside a value: qualifiers and losses (the text after, then before), and what makes a value
  // no guidance (`growth=1`: only a growth rate's; `before=sentence`: anywhere before it)
  std::unordered_map<Kind, std::pair<RuleSet, RuleSet>> beside_;
  RuleSet skip_after_, skip_after_growth_, skip_before_, skip_sentence_;
  std::string error_;
};

}  // namespace callscope::rules::guidance_detail
