// JSON for the rule modules' tags (metrics, guidance, hedges, non-answers, speakers).
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace callscope::report {

nlohmann::ordered_json TagsJson(const Analysis& a) { return nlohmann::ordered_json::object(); }

}  // namespace callscope::report
