// The quantities module's number reading, exposed for unit tests and for other modules.
#pragma once

#include <optional>
#include <string_view>

#include "rules/pack.h"

namespace callscope::rules {

// "6,830" -> 6830; "[18] (corrected by Company)" -> 18; "nine hundred forty seven" -> 947
// (needs numbers.lex); times 10^exp, computed in decimal so "2.1" and exp 9 give exactly 2.1e9.
std::optional<double> ParseNumber(std::string_view text, int exp, const Lexicon* words);

}  // namespace callscope::rules
