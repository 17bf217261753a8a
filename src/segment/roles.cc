// Roles: operator from the layout, analysts from titles ("Analyst", "Research Division"),
// executives by affiliation with the company, and for the rest behaviour: who speaks in the
// prepared remarks (management) and who speaks first after the operator in Q&A (an analyst).
#include <re2/re2.h>

#include <map>

#include "segment/segment.h"

namespace callscope::segment {

void AssignRoles(Analysis* a) {
  static const RE2 kAnalystTitle(R"((?i)\banaly[sty]\w*|\bresearch\b|\bequity\b|\bstrategist\b|\bportfolio manager\b)");
  static const RE2 kExecTitle(
      R"((?i)\b(?:ceo|cfo|coo|cto|president|chairman|chairwoman|chief|officer|investor relations|ir|treasurer|controller|founder|evp|svp|vp|vice president|head of|executive|director|secretary|general counsel)\b)");
  // The company: from the title, else the most common affiliation in the prepared remarks.
  std::string company = a->call.company;
  if (company.empty()) {
    std::map<std::string, int> votes;
    for (const auto& t : a->turns) {
      const auto& p = a->participants[t.speaker];
      if (t.section == Section::kPresentation && p.role != Role::kOperator && !p.affiliation.empty())
        ++votes[p.affiliation];
    }
    int best = 0;
    for (const auto& [aff, n] : votes)
      if (n > best) company = aff, best = n;
  }
  std::vector<bool> presents(a->participants.size()), asks(a->participants.size());
  for (size_t i = 0; i < a->turns.size(); ++i) {
    const auto& t = a->turns[i];
    if (t.section == Section::kPresentation) presents[t.speaker] = true;
    if (t.section == Section::kQa && i > 0 && a->participants[a->turns[i - 1].speaker].role == Role::kOperator)
      asks[t.speaker] = true;
  }
  for (auto& p : a->participants) {
    if (p.role == Role::kOperator) continue;
    bool same_company = !company.empty() && !p.affiliation.empty() && SameCompany(p.affiliation, company);
    if (same_company) {
      p.role = Role::kExecutive;
    } else if (RE2::PartialMatch(p.title, kAnalystTitle) || RE2::PartialMatch(p.affiliation, kAnalystTitle)) {
      p.role = Role::kAnalyst;
    } else if (!p.affiliation.empty() && !company.empty() && p.role == Role::kOther && asks[p.id]) {
      p.role = Role::kAnalyst;  // another firm, asking questions
    } else if (p.role == Role::kOther && p.affiliation.empty() && RE2::PartialMatch(p.title, kExecTitle) &&
               !asks[p.id]) {
      p.role = Role::kExecutive;  // "Name - Title" layouts without firms
    } else if (p.role == Role::kOther && p.affiliation.empty() && p.title.empty()) {
      // Nothing said: behaviour decides. Unidentified participants stay "other" unless they ask.
      if (asks[p.id] && !presents[p.id]) p.role = Role::kAnalyst;
      else if (presents[p.id] && p.name.find("nidentified") == std::string::npos) p.role = Role::kExecutive;
    }
  }
}

}  // namespace callscope::segment
