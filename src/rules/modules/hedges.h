// The hedges and non-answers modules' tag lines, shared by the rule tests (tests/rules/hedges.test,
// tests/rules/nonanswers.test): `hedge modal "could"`, `nonanswer refuse "we don't break out"`.
#pragma once

#include <string>

#include <set>
#include <vector>

#include "callscope/tags.h"
#include "rules/pack.h"

namespace callscope::rules {

namespace internal {
// One sentence's matches as cue spans (group `cue` when a rule has one), overlaps resolved:
// longest first, then earliest, then the earlier rule; in text order.
struct Cue {
  uint32_t b, e;
  const Rule* rule;
};
std::vector<Cue> Resolve(const Matches& m);
// Every rule of the pack names a category from `allowed`, else a load error with file:line.
Status CheckCategories(const Pack& pack, const std::set<std::string>& allowed);
}  // namespace internal

std::string Describe(const Hedge& h);
std::string Describe(const NonAnswer& n);

}  // namespace callscope::rules
