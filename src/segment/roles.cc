// Roles: operator from the layout, analysts from titles ("Analyst", "Research Division"),
// executives by affiliation with the company, and for the rest behaviour: who speaks in the
// prepared remarks (management) and who speaks first after the operator in Q&A (an analyst).
#include <re2/re2.h>

#include <map>

#include "layouts/text_util.h"
#include "segment/segment.h"

namespace callscope::segment {

// "Nate Ellery" introduced, "NATHAN ELLERY" speaking: same last name, first names that share their
// first three letters. Looser than SamePerson, so only used to attach a firm, never to merge people.
bool ShortFormOf(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> w(1);
    for (char c : s) {
      if (c == ' ') {
        if (!w.back().empty()) w.emplace_back();
      } else {
        w.back().push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      }
    }
    return w;
  };
  auto wa = words(a), wb = words(b);
  if (wa.size() < 2 || wb.size() < 2 || wa.back() != wb.back()) return false;
  return wa.front().size() >= 3 && wb.front().size() >= 3 && wa.front().compare(0, 3, wb.front(), 0, 3) == 0;
}

// "Our next question comes from Dana Hale with Northgate Capital": the questioner's firm, when the
// speaker line did not give one (Citi's caps prefixes, speech-to-text, JSON arrays). Only for the
// person who then speaks, under the same name, a spelling variant or a short form ("Nate"/"Nathan").
void FirmsFromIntroductions(Analysis* a) {
  static const RE2 kIntro(
      R"((?:^(?:Next,? )?|(?:from|of|is|be|have)\s+)(?:the line of\s+)?([A-Z][A-Za-z\x{C0}-\x{FF}.'\-]+(?: [A-Z][A-Za-z\x{C0}-\x{FF}.'\-]+){0,3})(?:, | with | of | from | at )([A-Z][A-Za-z0-9\x{C0}-\x{FF}&.'\-]*(?: (?:(?:of|and|de|&) )?[A-Z&][A-Za-z0-9\x{C0}-\x{FF}&.'\-]*){0,5}))");
  for (size_t i = 0; i + 1 < a->turns.size(); ++i) {
    const Turn& t = a->turns[i];
    if (a->participants[t.speaker].role != Role::kOperator) continue;
    Participant& next = a->participants[a->turns[i + 1].speaker];
    if (next.role == Role::kOperator || next.role == Role::kExecutive || !next.affiliation.empty()) continue;
    std::string name, firm;
    re2::StringPiece in(t.text);
    while (RE2::FindAndConsume(&in, kIntro, &name, &firm)) {
      if (size_t stop = firm.find(". "); stop != std::string::npos) firm.resize(stop + 1);  // "RBC. Your line"
      static const RE2 kAbbrev(R"(.*\b(?:Co|Inc|Corp|Ltd|LLC|L\.P|S\.A)\.)");
      while (!firm.empty() && (firm.back() == ' ' || (firm.back() == '.' && !RE2::FullMatch(firm, kAbbrev))))
        firm.pop_back();
      if (SamePerson(next.name, name) || ShortFormOf(next.name, name)) {
        next.affiliation = firm;
        break;
      }
    }
  }
}

// Formats without a title line (JSON, speech-to-text, captions): the company and quarter from the
// opening ("welcome to the Ferrovale Industries fourth quarter and full year 2021 earnings call").
void CallFromOpening(Analysis* a) {
  static const RE2 kWelcome(
      R"((?i)welcome (?:to|everyone to) (?:the |today's )?(.{3,60}?)(?:'s?)? (?:(?:first|second|third|fourth)[ -]quarter|q[1-4]|fiscal|full[ -]year|(?:19|20)\d\d)\b)");
  // The quarter most said in the first turns; on a tie the later speaker (IR corrects an operator
  // who reads last year's script: 'Third Quarter 2021' on a Q3 2022 call).
  std::map<std::string, int> votes;
  Call best, half_or_year;
  half_or_year.company = "-";  // (FillFromTitle reads the company only when none is known)
  int best_votes = 0;
  for (size_t i = 0; i < std::min<size_t>(a->turns.size(), 4); ++i) {
    const std::string& text = a->turns[i].text;
    std::string_view head(text.data(), std::min<size_t>(text.size(), 600));
    if (a->call.company.empty()) {
      std::string company;
      if (RE2::PartialMatch(head, kWelcome, &company)) a->call.company = company;
    }
    // Only a quarter that names the call ("... fourth quarter and full year 2021 earnings call"),
    // not the guidance for the next one.
    static const RE2 kCallPeriod(
        R"((?i)((?:first|second|third|fourth)[ -]quarter[^.\d]{0,40}?(?:19|20)\d\d|\bq[1-4][^.\d]{0,20}?(?:19|20)\d\d|\bfiscal (?:year )?(?:19|20)\d\d[ -](?:first|second|third|fourth)[ -]quarter)[^.]{0,40}?\b(?:earnings|results|conference|call|webcast)\b)");
    re2::StringPiece in(head.data(), head.size());
    std::string mention;
    while (RE2::FindAndConsume(&in, kCallPeriod, &mention)) {
      Call c;
      layouts::FillFromTitle(mention, &c);
      if (!c.fiscal_period.empty() && ++votes[c.fiscal_period] >= best_votes) best = c, best_votes = votes[c.fiscal_period];
    }
    // A half year's or a full year's results ("welcome to the Barclays 2025 Half Year Results",
    // "our full year 2024 results presentation"): the call's period when it names no quarter (a
    // fourth quarter's call also names next year's "full year 2025 outlook").
    static const RE2 kHalfOrYear(
        R"((?i)\b((?:(?:19|20)\d\d[ -](?:half[ -]year|interim|full[ -]year|first[ -]half|H1|H2)|(?:half[ -]year|interim|full[ -]year|first[ -]half|H1|1H|H2|2H)(?: results)?(?: (?:FY|fiscal) ?)? ?(?:19|20)\d\d)\b)[^.]{0,30}?\b(?:results|earnings|conference|call|webcast|presentation)\b)");
    if (best_votes == 0 && half_or_year.fiscal_period.empty()) {
      std::string said;
      if (RE2::PartialMatch(head, kHalfOrYear, &said)) layouts::FillFromTitle(said, &half_or_year);
    }
  }
  if (best_votes == 0 && !half_or_year.fiscal_period.empty()) best = half_or_year, best_votes = 1;
  if (a->call.fiscal_period.empty() && best_votes > 0) {
    a->call.fiscal_period = best.fiscal_period;
    a->call.fiscal_quarter = best.fiscal_quarter;
    a->call.fiscal_year = best.fiscal_year;
  }
}

// The operator's (or management's) words that open the questions.
static const char* QaStartPattern() {
  return R"((?i)\b(?:first question|(?:now )?begin the question|now (?:open|take) (?:up )?(?:the (?:call|line|lines|floor) )?(?:up )?(?:for|to) (?:your )?questions|open the (?:floor|line|lines|call) (?:up )?(?:for|to) questions|would like to ask a question|(?:poll|queue) for questions|question-and-answer session|question and answer session|begin the q&a|q&a session)\b)";
}

void InferOperatorAndQa(Analysis* a, bool find_qa) {
  if (a->call.company.empty() || a->call.fiscal_period.empty()) CallFromOpening(a);
  static const RE2 kIntroduces(
      R"((?i)\b(?:(?:first|next|following|last) question (?:is |will |comes |today )?(?:be )?(?:from|comes)|question comes from|(?:your|the) line is (?:now )?open|operator instructions|press (?:star|\*) ?(?:1|one)|now open (?:up )?the (?:call|line|floor)))");
  static const RE2 kQaStart(QaStartPattern());
  if (a->participants.empty()) return;
  bool has_operator = false;
  for (const auto& p : a->participants) has_operator |= p.role == Role::kOperator;
  if (!has_operator && a->participants.size() > 2) {
    std::vector<int> score(a->participants.size());
    for (const auto& t : a->turns) score[t.speaker] += RE2::PartialMatch(t.text, kIntroduces);
    int best = 0;
    for (size_t i = 1; i < score.size(); ++i)
      if (score[i] > score[best]) best = static_cast<int>(i);
    bool opens = !a->turns.empty() && a->turns.front().speaker == best;
    if (score[best] >= 2 || (score[best] == 1 && opens)) a->participants[best].role = Role::kOperator;
  }
  if (!find_qa) return;
  // After management has spoken, the operator's turn that opens the questions.
  bool management_spoke = false;
  for (auto& t : a->turns) {
    bool op = a->participants[t.speaker].role == Role::kOperator;
    if (!op) {
      management_spoke = true;
      continue;
    }
    if (!management_spoke || !RE2::PartialMatch(t.text, kQaStart)) continue;
    for (size_t k = static_cast<size_t>(t.index); k < a->turns.size(); ++k) a->turns[k].section = Section::kQa;
    return;
  }
}

// A vendor's Q&A heading placed early: Motley Fool starts "Questions & Answers" at a dropped line
// mid-remarks ("the line of Mr. Ortega just got disconnected"), and management goes on with the
// prepared remarks until somebody opens the questions ("open the call for questions"). Q&A then
// starts at that cue, when only the operator and management spoke before it. Needs the roles.
void RealignQaStart(Analysis* a) {
  static const RE2 kQaStart(QaStartPattern());
  for (size_t q0 = 0; q0 < a->turns.size(); ++q0) {
    if (a->turns[q0].section != Section::kQa) continue;
    for (size_t k = q0; k < a->turns.size() && k < q0 + 16; ++k) {
      const Turn& t = a->turns[k];
      Role r = a->participants[t.speaker].role;
      if (r != Role::kOperator && r != Role::kExecutive) break;
      if (!RE2::PartialMatch(t.text, kQaStart)) continue;
      for (size_t j = q0; j < k; ++j) a->turns[j].section = Section::kPresentation;
      break;
    }
    return;
  }
}

void AssignRoles(Analysis* a) {
  static const RE2 kAnalystTitle(R"((?i)\banaly[sty]\w*|\bresearch\b|\bequity\b|\bstrategist\b|\bportfolio manager\b)");
  static const RE2 kExecTitle(
      R"((?i)\b(?:ceo|cfo|coo|cto|president|chairman|chairwoman|chief|officer|investor relations|ir|treasurer|controller|founder|evp|svp|vp|vice president|head of|group head|executive|director|secretary|general counsel)\b)");
  // The company: from the title, and the most common affiliation in the prepared remarks (the
  // title may say 'MAA' where the speaker lines say 'Mid-America Apartment Communities, Inc.').
  std::string company = a->call.company, presenting;
  {
    std::map<std::string, int> votes;
    for (const auto& t : a->turns) {
      const auto& p = a->participants[t.speaker];
      if (t.section == Section::kPresentation && p.role != Role::kOperator && !p.affiliation.empty())
        ++votes[p.affiliation];
    }
    int best = 0;
    for (const auto& [aff, n] : votes)
      if (n > best) presenting = aff, best = n;
    if (company.empty()) company = presenting;
  }
  // A title no analyst has ('Chief Strategy & Analysis Officer' is still an executive).
  static const RE2 kOfficerTitle(
      R"((?i)\b(?:ceo|cfo|coo|cto|cio|president|chairman|chairwoman|chief\b.*\bofficer|treasurer|general counsel|investor relations)\b)");
  std::vector<bool> presents(a->participants.size()), asks(a->participants.size());
  for (size_t i = 0; i < a->turns.size(); ++i) {
    const auto& t = a->turns[i];
    if (t.section == Section::kPresentation) presents[t.speaker] = true;
    if (t.section == Section::kQa && i > 0 && a->participants[a->turns[i - 1].speaker].role == Role::kOperator)
      asks[t.speaker] = true;
  }
  for (auto& p : a->participants) {
    if (p.role == Role::kOperator) continue;
    bool same_company = !p.affiliation.empty() && ((!company.empty() && SameCompany(p.affiliation, company)) ||
                                                   (!presenting.empty() && SameCompany(p.affiliation, presenting)));
    bool officer = RE2::PartialMatch(p.title, kOfficerTitle) && !RE2::PartialMatch(p.title, R"((?i)\banalyst\b)");
    if (same_company || (p.role == Role::kOther && officer && !RE2::PartialMatch(p.affiliation, kAnalystTitle))) {
      p.role = Role::kExecutive;
    } else if (RE2::PartialMatch(p.title, kAnalystTitle) || RE2::PartialMatch(p.affiliation, kAnalystTitle)) {
      p.role = Role::kAnalyst;
    } else if (!p.affiliation.empty() && !company.empty() && p.role == Role::kOther && asks[p.id]) {
      p.role = Role::kAnalyst;  // another firm, asking questions
    } else if (p.role == Role::kOther && RE2::PartialMatch(p.title, kExecTitle) &&
               (p.affiliation.empty() || !asks[p.id] || presents[p.id])) {
      // "Name - Title" layouts without firms; a subsidiary's or merger partner's CEO ("Google
      // LLC - CEO" on an Alphabet call, Xilinx's CEO on AMD's) who presents or answers.
      p.role = Role::kExecutive;
    } else if (p.role == Role::kOther && p.affiliation.empty() && p.title.empty()) {
      // Nothing said: behaviour decides. Unidentified participants stay "other" unless they ask.
      if (asks[p.id] && !presents[p.id]) p.role = Role::kAnalyst;
      else if (presents[p.id] && p.name.find("nidentified") == std::string::npos) p.role = Role::kExecutive;
    }
  }
  FirmsFromIntroductions(a);
}

}  // namespace callscope::segment
