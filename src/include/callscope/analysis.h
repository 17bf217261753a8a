// The analysis of one call: what every stage fills in and every report sink reads.
// Offsets (`start`, `end`) of turns are byte offsets into the normalized UTF-8 text, so the
// same call saved as UTF-16, CRLF or cp1252 gives the same numbers; `Source` holds what differs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "callscope/tags.h"

namespace callscope {

enum class Role { kOperator, kExecutive, kAnalyst, kOther };
enum class Section { kPresentation, kQa };

const char* RoleName(Role role);        // "operator", "executive", "analyst", "other"
const char* SectionName(Section s);     // "presentation", "qa"

struct Source {
  std::string path;
  uint64_t bytes = 0;
  std::string sha256;    // of the input bytes, hex
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "windows-1252", ...
  std::string layout;    // the layout that parsed it, e.g. "streetevents_final"
  double layout_confidence = 0;
};

struct Call {
  std::string company;
  std::string ticker;
  std::string title;
  std::string date;           // YYYY-MM-DD, empty when unknown
  std::string fiscal_period;  // "Q3 2008", "FY 2013"; empty when unknown
  int fiscal_quarter = 0;     // 1..4, 0 when unknown
  int fiscal_year = 0;        // 0 when unknown
};

struct Participant {
  int id = 0;
  std::string name;
  std::string affiliation;
  std::string title;
  Role role = Role::kOther;
  std::vector<std::string> aliases;  // other spellings seen for the same person
};

struct Turn {
  int index = 0;
  int speaker = 0;  // Participant id
  Section section = Section::kPresentation;
  std::string text;  // furniture removed, hard wraps and page breaks joined; paragraphs split by '\n'
  uint32_t start = 0, end = 0;  // span in the normalized text
  bool handoff = false;  // an operator/IR hand-off ("Next question, please?"), kept out of answers
};

struct Sentence {
  int turn = 0;
  uint32_t begin = 0, end = 0;  // byte offsets into the turn's text
};

struct Exchange {
  int index = 0;
  int analyst = 0;             // Participant id
  std::vector<int> turns;      // turn indexes: questions, follow-ups, answers (no operator/hand-off)
  std::vector<int> responders; // Participant ids of the executives who answered, in order of first answer
};

enum class DocKind { kTranscript, kDocument };

struct Analysis {
  Source source;
  Call call;
  DocKind kind = DocKind::kTranscript;  // kDocument: speaker-less (a press release analyzed on request)
  std::vector<Participant> participants;
  std::vector<Turn> turns;
  std::vector<Sentence> sentences;  // in turn order
  std::vector<Exchange> exchanges;
  std::vector<std::string> warnings;
  Tags tags;

  const Participant& speaker(const Turn& t) const { return participants[t.speaker]; }
};

}  // namespace callscope
