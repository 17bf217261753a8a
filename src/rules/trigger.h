// What a pack's RE2::Set looks for on behalf of a rule: the rule's regex with each top-level
// alternative cut before its first gap.
#pragma once

#include <string>
#include <string_view>

namespace callscope::rules {

// A gap is a loop over "almost any character": `[^.;]{0,90}`, `\S+`, `.*?`, `(?:\w+\s+){0,4}`, or a
// group holding one. Gaps are what make a Set's DFA expensive: each keeps a thread alive for every
// place it may have started, so the DFA meets new combinations of live threads, across all rules,
// in every new text, and builds each one as a new state (measured on real calls: the guidance
// pack's Set spent 6x longer on text it had not seen than on text it had).
//
// Any text the rule matches also holds a match of the trigger (the text a prefix of the
// alternative matched), so the Set still names every rule that can match, and the rule's own RE2
// decides. An alternative is kept whole when cutting it would leave a prefix that matches the
// empty string (it would name the rule for every sentence); a pattern this cannot read is returned
// unchanged.
std::string Trigger(std::string_view pattern);

// A rule whose match is one group, flags and word boundaries aside, is searched for its span alone
// (RE2's DFAs), the group copied from it: no submatch search, which is slow on a lexicon's large
// program. Two forms: `(?i)\b(?P<metric>...)\b`, whose group spans every match; and the same
// after an optional lead, `(?i)(?:LEAD)?\b(?P<metric>...)\b`, whose group spans a match no
// parse taking the lead can start (any other is searched again, for its groups). Returns the
// group's index, or 0 when the pattern has neither form; `lead` gets the pattern with its lead
// required, `(?i)(?:LEAD)\b(?P<metric>...)\b` (empty: no lead).
// `groups` is the pattern's count of capturing groups.
int WholeGroup(std::string_view pattern, int groups, std::string* lead);

}  // namespace callscope::rules
