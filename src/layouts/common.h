// Declarations shared between layout files: header shapes and parsers reused by sibling layouts.
#pragma once

#include <optional>
#include <string_view>

#include "layouts/layout.h"

namespace callscope::layouts {

// StreetEvents "Name, Company - Title    [n]", "Operator,     [n]", "Dave Fildes,   -     [2]".
std::optional<Header> ParseBracketSpeaker(std::string_view line);
// "Company - Title", "- Analyst", "Company -" -> affiliation/title.
Header SplitCompanyTitle(std::string_view rest);
// Counts bracket speaker lines (and ==== rules when `rules` is given).
int CountBracketSpeakers(const Doc& doc, int* rules);
void ParseStreetEventsHeader(const Doc& doc, Call* meta);
Status ParseStreetEvents(const Doc& doc, Parsed* out);

}  // namespace callscope::layouts
