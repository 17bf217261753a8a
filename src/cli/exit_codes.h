// The one place where library codes become process exit statuses. Documented in README.md;
// changing a number here is a breaking change.
#pragma once

#include "callscope/status.h"

namespace callscope::cli {

enum Exit : int {
  kExitOk = 0,
  kExitSomeFailed = 1,     // several inputs, at least one failed (the rest were processed)
  kExitUsage = 2,          // bad flags or arguments
  kExitUnreadable = 3,     // missing file, a directory, permission denied
  kExitBadInput = 4,       // empty, binary, invalid encoding, over --max-bytes
  kExitNotTranscript = 5,  // not an earnings-call transcript
  kExitRules = 6,          // a rule pack or lexicon failed to load
  kExitOutput = 7,         // output could not be written
  kExitInternal = 70,      // a bug
  kExitSystem = 71,        // the system refused a resource: out of memory, no thread
};

inline int ExitFor(Code c) {
  switch (c) {
    case Code::kOk: return kExitOk;
    case Code::kUsage: return kExitUsage;
    case Code::kUnreadable: return kExitUnreadable;
    case Code::kBadInput: return kExitBadInput;
    case Code::kNotTranscript: return kExitNotTranscript;
    case Code::kRules: return kExitRules;
    case Code::kOutput: return kExitOutput;
    case Code::kInternal: return kExitInternal;
    case Code::kSystem: return kExitSystem;
  }
  return kExitInternal;
}

}  // namespace callscope::cli
