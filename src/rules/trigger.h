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

// True when a pattern of one capturing group is that group, flags and word boundaries aside:
// `(?i)\b(?P<metric>...)\b`, whose group spans every match whole. Such a rule is searched for its span alone (RE2's
// DFAs), its group copied from it: no submatch search, which is slow on a lexicon's large program.
bool WholeGroup(std::string_view pattern);

}  // namespace callscope::rules
