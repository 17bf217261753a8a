// Q&A exchanges: an analyst's question and follow-ups with the management answers. An operator
// turn closes an exchange; hand-offs by IR ("Next question, please?") belong to no exchange.
#include <re2/re2.h>

#include <algorithm>

#include "segment/segment.h"

namespace callscope::segment {
namespace {

size_t Words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ' && c != '\n';
    n += w && !in;
    in = w;
  }
  return n;
}

bool IsHandoff(const Turn& t) {
  static const RE2 kCue(
      R"((?i)\b(?:next question|next caller|open (?:it |the call |the line |the lines |the floor )?(?:up )?(?:for|to) (?:the )?(?:q&a|questions)|(?:go ahead and )?open up the (?:call|lines?|floor)|operator,? (?:please|can|could|would|we|let's|next)|(?:take|have) (?:our|the) (?:first|next|last) question|(?:poll|queue) for questions|instructions for (?:the )?(?:q&a|questions)|(?:thank|thanks)(?: you)?,?(?: all| everyone)?,? (?:again )?for (?:joining|participating|your participation|attending)|that's all the time we have|(?:this )?concludes (?:our|the|today's|this))\b)");
  return Words(t.text) <= 30 && RE2::PartialMatch(t.text, kCue);
}

}  // namespace

void BuildExchanges(Analysis* a) {
  static const RE2 kIntroduction(
      R"((?i)\b(?:question|questions|line|caller|next|from|with|of)\b.*\b(?:from|comes|open|go ahead|is|with)\b)");
  Exchange* cur = nullptr;
  Exchange* paused = nullptr;
  for (auto& t : a->turns) {
    if (t.section != Section::kQa) continue;
    const Participant& p = a->participants[t.speaker];
    if (p.role == Role::kOperator) {
      // An operator prompt that introduces nobody ("Sir, do you have any other questions?") does
      // not end the exchange when the same analyst answers it.
      paused = cur && !RE2::PartialMatch(t.text, kIntroduction) ? cur : nullptr;
      cur = nullptr;
      continue;
    }
    if (paused && t.speaker == paused->analyst) cur = paused;
    paused = nullptr;
    if (p.role != Role::kAnalyst && IsHandoff(t)) {
      t.handoff = true;
      continue;
    }
    bool asker = p.role == Role::kAnalyst || (p.role == Role::kOther && !cur);
    if (asker && (!cur || a->participants[cur->analyst].id != p.id)) {
      a->exchanges.push_back({});
      cur = &a->exchanges.back();
      cur->index = static_cast<int>(a->exchanges.size()) - 1;
      cur->analyst = p.id;
    }
    if (!cur) continue;  // management remarks before the first question
    cur->turns.push_back(t.index);
    if (p.role == Role::kExecutive &&
        std::find(cur->responders.begin(), cur->responders.end(), p.id) == cur->responders.end())
      cur->responders.push_back(p.id);
  }
}

}  // namespace callscope::segment
