// Per-speaker and per-call counts (tags.speakers, tags.call): turns, words, hedges by category,
// non-answers, guidance, metrics, and the hits of user lexicons (--lexicon), split by section.
// Runs after the rule modules, on the finished tags.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "callscope/analysis.h"
#include "callscope/status.h"

namespace callscope::rules {

// Words as the report counts them: runs of non-blank characters.
int CountWords(std::string_view s);

// Fills a->tags.speakers (one per participant) and a->tags.call. The operator counts for nothing
// in the call totals.
void ComputeSpeakers(Analysis* a);

// A user's lexicon. Two formats, told apart by the header:
//  - the Loughran-McDonald master dictionary CSV (`Word,Seq_num,...,Negative,Positive,Uncertainty,
//    Litigious,Strong_Modal,Weak_Modal,Constraining,...`): a word is in a category when the
//    category's column is non-zero (LM writes the year it was added; a negative year means it was
//    removed that year, so those are left out). Categories count as `NAME.negative`, ...;
//  - a plain list: one word a line (`#` comments), counted as `NAME`.
// Words compare case-insensitively; a text word is letters, digits, apostrophes and inner hyphens.
struct UserLexicon {
  std::string name;
  std::vector<std::string> categories;                         // count keys, in output order
  std::unordered_map<std::string, std::vector<int>> words;     // uppercase word -> category indexes
};

// `spec` is NAME=PATH. Errors name the file and line.
Result<UserLexicon> LoadUserLexicon(const std::string& spec);

// Adds each lexicon's hits per speaker (all and by section) and per call. Call after ComputeSpeakers.
void CountLexicons(const std::vector<UserLexicon>& lexicons, Analysis* a);

}  // namespace callscope::rules
