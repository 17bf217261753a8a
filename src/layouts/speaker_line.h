// Speaker-header shapes shared by several layouts.
#pragma once

#include <optional>
#include <string_view>

#include "layouts/layout.h"

namespace callscope::layouts {

// "Name - Company - Title" (StreetEvents FINAL, TD-style with en dashes normalized to '-').
// Also "Name - Title" when the title is a known role word ("Analyst", "CEO").
std::optional<Header> ParseDashedSpeaker(std::string_view line);

// "Unidentified Participant", "Unidentified Company Representative", "Unknown Speaker", ...
bool IsUnidentified(std::string_view name);

// Motley Fool "Name -- Title", "Name -- Firm -- Analyst", "Name--Title" (JSON participants).
Header ParseDoubleDash(std::string_view line);

// "Fairbridge Research Analyst" (an API's title field) -> affiliation + title "Analyst".
void SplitFirmAnalyst(Header* h);

}  // namespace callscope::layouts
