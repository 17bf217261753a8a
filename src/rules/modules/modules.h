// The modules the engine runs, in this order (later modules see earlier modules' tags).
#pragma once

#include <memory>

#include "rules/engine.h"

namespace callscope::rules {

Result<std::unique_ptr<Module>> MakeQuantities(const Pack& pack);  // quantities.pack
Result<std::unique_ptr<Module>> MakeMetrics(const Pack& pack);     // metrics.pack
Result<std::unique_ptr<Module>> MakeGuidance(const Pack& pack);    // guidance.pack (reads metrics)
Result<std::unique_ptr<Module>> MakeHedges(const Pack& pack);      // hedges.pack
Result<std::unique_ptr<Module>> MakeNonAnswers(const Pack& pack);  // nonanswers.pack

}  // namespace callscope::rules
