// callscope: see `callscope --help`. All behaviour lives in the library and cli/commands.cc.
#include "cli/commands.h"

int main(int argc, char** argv) { return callscope::cli::Run(argc, argv); }
