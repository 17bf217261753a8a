// Stage 3: from a layout's raw turns to participants (merged, with roles), clean turn text,
// sentences and Q&A exchanges. The same code serves every layout.
#pragma once

#include <string_view>

#include "callscope/analysis.h"
#include "layouts/layout.h"

namespace callscope::segment {

// Joins a raw turn's pieces: hard wraps become spaces, blank lines paragraph breaks ('\n'), and a
// sentence cut by page furniture is joined again.
std::string JoinPieces(std::string_view text, const layouts::RawTurn& turn);

// Participants and turns (with clean text) from the parse. Fills a->participants, a->turns.
void BuildTurns(std::string_view text, const layouts::Parsed& parsed, Analysis* a);

// For layouts without names or section markers: the operator from behaviour (the speaker who
// introduces the questioners) when nobody is named so, and the Q&A start from the operator's
// cues ("we will now begin the question-and-answer session") when `find_qa`; and the company and
// quarter from the opening ("Welcome to Acme's Third Quarter 2021 Earnings Call") when the title
// block, if any, did not give them.
void InferOperatorAndQa(Analysis* a, bool find_qa);

// Roles from titles, affiliations against the company, and behaviour in Q&A.
void AssignRoles(Analysis* a);
// Moves a vendor's early Q&A heading to the turn that opens the questions (after AssignRoles).
void RealignQaStart(Analysis* a);

// Marks hand-off turns and groups Q&A turns into exchanges.
void BuildExchanges(Analysis* a);

// Splits every turn into sentences (ICU sentence rules + the abbreviations calls are full of).
void SplitSentences(Analysis* a);

// Same person under spelling variants? ("Troy Jenson" / "Troy Jensen", "Jeff [Cavall]" / "Jeff Cavall")
bool SamePerson(std::string_view a, std::string_view b);
// Same firm? ("Juniper Networks, Inc." / "Juniper Networks"; "JPMorganChase" / "JPMorgan Chase & Co.")
bool SameCompany(std::string_view a, std::string_view b);

}  // namespace callscope::segment
