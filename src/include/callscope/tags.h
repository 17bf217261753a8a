// Tags the rule modules attach to sentences. Spans are byte offsets into the turn's text.
// Filled by src/rules/; read by the report sinks. Extend freely: the JSON contract follows.
#pragma once

#include <string>
#include <vector>

namespace callscope {

struct Tags {};

}  // namespace callscope
