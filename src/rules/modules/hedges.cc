// The hedges module (data/hedges.pack): every cue by which a speaker signals less than full
// commitment, in six categories. Runs on every sentence of every speaker but the operator (the
// analysts hedge too). Overlapping cues keep the longest ("cautiously optimistic", not also
// "cautious"); a rule's group `cue` narrows the span ("about" in "about $5 million").
#include <fmt/format.h>

#include <algorithm>
#include "rules/engine.h"
#include "rules/modules/hedges.h"
#include "rules/modules/modules.h"

namespace callscope::rules {

namespace internal {

std::vector<Cue> Resolve(const Matches& m) {
  std::vector<Cue> all;
  for (const auto& x : m.list) {
    uint32_t b = x.begin, e = x.end;
    std::string_view g = m.Group(x, "cue");
    if (!g.empty()) {
      b = static_cast<uint32_t>(g.data() - m.groups[x.group0].data()) + x.begin;
      e = b + static_cast<uint32_t>(g.size());
    }
    all.push_back({b, e, x.rule});
  }
  std::stable_sort(all.begin(), all.end(), [](const Cue& a, const Cue& b) {
    if (a.e - a.b != b.e - b.b) return a.e - a.b > b.e - b.b;
    if (a.b != b.b) return a.b < b.b;
    return a.rule->line < b.rule->line;
  });
  std::vector<Cue> kept;
  for (const auto& c : all) {
    bool clash = std::any_of(kept.begin(), kept.end(), [&](const Cue& k) { return c.b < k.e && k.b < c.e; });
    if (!clash) kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), [](const Cue& a, const Cue& b) { return a.b < b.b; });
  return kept;
}

// A typo in a pack's category is a load error, not a silent tag.
Status CheckCategories(const Pack& pack, const std::set<std::string>& allowed) {
  for (const auto& r : pack.rules()) {
    std::string c = r->Attr("category");
    if (!allowed.count(c)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status(Code::kRules, fmt::format("{}:{}: rule {}: category={} is not one of {}", r->file, r->line, r->name,
                                              c.empty() ? "(none)" : c, list));
    }
  }
  return Status::Ok();
}

}  // namespace internal

namespace {

class HedgesModule : public Module {
 public:
  explicit HedgesModule(const Pack& pack) : pack_(pack) {}
  const char* name() const override { return "hedges"; }
  void Describe(const Analysis& a, std::vector<std::string>* lines) const override {
    for (const auto& h : a.tags.hedges) lines->push_back(rules::Describe(h));
  }

  bool Wants(const SentenceContext& ctx) const override {
    return ctx.role != Role::kOperator && !ctx.turn.handoff && pack_.MayMatch(ctx.text);
  }
  void Run(const SentenceContext& ctx, ModuleState*, Matches* m, Tags* out) const override {
    if (m->list.empty()) return;
    for (const auto& c : internal::Resolve(*m)) {
      Hedge h;
      h.category = c.rule->Attr("category");
      h.cue = std::string(ctx.text.substr(c.b, c.e - c.b));
      h.rule = c.rule->name;
      h.speaker = ctx.turn.speaker;
      h.turn = ctx.turn.index;
      h.sentence = ctx.index;
      h.start = ctx.sentence.begin + c.b;
      h.end = ctx.sentence.begin + c.e;
      out->hedges.push_back(std::move(h));
    }
  }

 private:
  const Pack& pack_;
};

}  // namespace

Result<std::unique_ptr<Module>> MakeHedges(const Pack& pack) {
  Status s = internal::CheckCategories(pack, {"modal", "verb", "adverb", "approximator", "uncertainty", "conditional"});
  if (!s.ok()) return s;
  return std::unique_ptr<Module>(new HedgesModule(pack));
}

std::string Describe(const Hedge& h) { return fmt::format("hedge {} \"{}\"", h.category, h.cue); }

}  // namespace callscope::rules
