// The non-answers module (data/nonanswers.pack): phrases by which management declines to give what
// an analyst asked (refuse, unable, after the call), after Gow, Larcker and Zakolyukina. Runs on the
// executives' Q&A turns only (prepared remarks answer nobody; an analyst's "I don't know if you
// can say" is a question); each tag carries the exchange it belongs to, so the report can list the
// exchanges that drew non-answers. Measured with tools/eval-nonanswers.
#include <fmt/format.h>

#include "rules/engine.h"
#include "rules/modules/hedges.h"
#include "rules/modules/modules.h"

namespace callscope::rules {

namespace {

struct State : ModuleState {
  std::vector<int> exchange_of;  // turn index -> exchange index, -1 outside the Q&A exchanges
  bool built = false;
};

class NonAnswersModule : public Module {
 public:
  explicit NonAnswersModule(const Pack& pack) : pack_(pack) {}
  const char* name() const override { return "nonanswers"; }
  void Describe(const Analysis& a, std::vector<std::string>* lines) const override {
    for (const auto& x : a.tags.nonanswers) lines->push_back(rules::Describe(x));
  }
  std::unique_ptr<ModuleState> NewState() const override { return std::make_unique<State>(); }

  bool Wants(const SentenceContext& ctx) const override {
    return ctx.role == Role::kExecutive && ctx.section == Section::kQa && !ctx.turn.handoff && pack_.MayMatch(ctx.text);
  }
  void Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const override {
    if (m->list.empty()) return;
    auto* st = static_cast<State*>(state);
    if (!st->built) {
      st->exchange_of.assign(ctx.analysis.turns.size(), -1);
      for (const auto& e : ctx.analysis.exchanges)
        for (int t : e.turns)
          if (t >= 0 && static_cast<size_t>(t) < st->exchange_of.size()) st->exchange_of[t] = e.index;
      st->built = true;
    }
    for (const auto& c : internal::Resolve(*m)) {
      NonAnswer n;
      n.category = c.rule->Attr("category");
      n.phrase = std::string(ctx.text.substr(c.b, c.e - c.b));
      n.rule = c.rule->name;
      n.speaker = ctx.turn.speaker;
      n.turn = ctx.turn.index;
      n.sentence = ctx.index;
      if (ctx.turn.index >= 0 && static_cast<size_t>(ctx.turn.index) < st->exchange_of.size())
        n.exchange = st->exchange_of[ctx.turn.index];
      n.start = ctx.sentence.begin + c.b;
      n.end = ctx.sentence.begin + c.e;
      out->nonanswers.push_back(std::move(n));
    }
  }

 private:
  const Pack& pack_;
};

}  // namespace

Result<std::unique_ptr<Module>> MakeNonAnswers(const Pack& pack) {
  Status s = internal::CheckCategories(pack, {"refuse", "unable", "aftercall"});
  if (!s.ok()) return s;
  return std::unique_ptr<Module>(new NonAnswersModule(pack));
}

std::string Describe(const NonAnswer& n) { return fmt::format("nonanswer {} \"{}\"", n.category, n.phrase); }

}  // namespace callscope::rules
