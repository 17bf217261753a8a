// `callscope tag`: tag JSON Lines of free text (see tag.cc).
#pragma once

#include <string>

#include "callscope/analysis.h"

namespace callscope::cli {

struct TagOptions {
  std::string rules_dir;
  Role role = Role::kExecutive;     // whose words the texts are: non-answers are management's
  Section section = Section::kQa;   // and are answers in Q&A
};

int RunTag(const TagOptions& o);

}  // namespace callscope::cli
