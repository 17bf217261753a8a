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

// Speech-to-text "Label: text": the label ("Dana Achterberg", "Speaker 3", "SPEAKER_00") and the
// offset where the text starts; empty if the line has no label.
std::string_view SpeakerLabel(std::string_view line, size_t* text_at);
// WebVTT/SRT: "00:00:02.000 --> 00:00:06.680"; captions to owned-text turns by voice or prefix.
bool IsCueTiming(std::string_view t);
void ParseCaptions(const Doc& doc, Parsed* out);

}  // namespace callscope::layouts
