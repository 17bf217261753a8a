// Small helpers shared by the layout parsers: trimming, line classes, call titles, dates.
#pragma once

#include <string>
#include <string_view>

#include "callscope/analysis.h"

namespace callscope::layouts {

std::string_view Trim(std::string_view s);
bool IsBlank(std::string_view s);

// "P R E S E N T A T I O N" -> "PRESENTATION"; "Q U E S T I O N S  A N D  A N S W E R S" ->
// "QUESTIONS AND ANSWERS". Returns empty if the line is not letter-spaced.
std::string Unspace(std::string_view line);

// True for a plausible person name: 1-6 capitalized tokens ("Jeff [Cavall]", "Mary-Ann O'Neil Jr.",
// "J. Smith"), no sentence punctuation, not too long.
bool LooksLikeName(std::string_view s);

// Fills company, fiscal quarter/year and fiscal_period from a title such as
// "Q3 2008 Juniper Networks Earnings Conference Call" or "Q4 and Full Year 2013 Cisco ... Call".
void FillFromTitle(std::string_view title, Call* call);
// When the text names no fiscal period: the one a vendor's file name gives
// ("Q3_2022_Corvalis_Inc_Earnings_Call.txt"); only the period, never the company.
void PeriodFromFileName(std::string_view path, Call* call);
// The fiscal quarter from a quarter word and a year ("third", 2021 is Q3 2021); false if the word
// is not first..fourth (any case).
bool SetWordQuarter(std::string word, int year, Call* call);
// The year first: "Fiscal 2022 second-quarter results", "Fiscal Year 2023, First Quarter".
bool YearFirstQuarter(std::string_view text, Call* call);

// "Oct. 23. 2008", "October 23, 2008", "JULY 26, 2012" -> "2008-10-23"; empty on failure.
std::string ParseDate(std::string_view s);

// Decodes the few HTML entities vendors leave in titles (&amp; &lt; &gt; &quot; &#39;).
std::string DecodeEntities(std::string_view s);

}  // namespace callscope::layouts
