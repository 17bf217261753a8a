// The guidance module's tag line, shared by the rule tests and the seed call's golden:
// "guidance eps = 1.17..1.2 USD/share; period FY 2008; basis non-GAAP; revision raised; prior 1.14..1.17".
#pragma once

#include <string>

#include "callscope/tags.h"

namespace callscope::rules {

std::string Describe(const Guidance& g);

}  // namespace callscope::rules
