// callscope: see `callscope --help`. All behaviour lives in the library and cli/commands.cc.
#include <cstdlib>  // (defines __GLIBC__ on glibc)

#include "cli/commands.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // Grow the heap 64 MB at a time: with analyzer threads, glibc's default (grow and trim by small
  // steps) gave the pages back and faulted them in again all run long, each fault flushing the
  // other cores' TLBs; on the bench's two cores the rule modules took a third longer (tools/bench).
  // (Where the build links tcmalloc, as it does by default, glibc's malloc is not used at all.)
  mallopt(M_TOP_PAD, 64 << 20);
#endif
  return callscope::cli::Run(argc, argv);
}
