#pragma once

namespace callscope::cli {

// Parses flags (one table in commands.cc drives parsing and --help), runs a subcommand and
// returns the process exit status (exit_codes.h).
int Run(int argc, char** argv);

}  // namespace callscope::cli
