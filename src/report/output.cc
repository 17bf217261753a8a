#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "report/report.h"

namespace callscope::report {

Result<std::unique_ptr<Output>> Output::Open(const std::string& path) {
  if (path == "-") return std::unique_ptr<Output>(new Output(path, "", stdout));
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // A device or pipe (/dev/null, /dev/stdout, a FIFO): nothing to rename, write straight to it.
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return Status(Code::kOutput, path + ": cannot write: " + std::strerror(errno));
    auto out = std::unique_ptr<Output>(new Output(path, "", f));
    out->direct_ = true;
    return out;
  }
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status(Code::kOutput, path + ": cannot write: " + std::strerror(errno));
  return std::unique_ptr<Output>(new Output(path, tmp, f));
}

Output::~Output() {
  if (direct_) {
    if (f_) std::fclose(f_);
    return;
  }
  if (!is_stdout() && !committed_) {
    if (f_) std::fclose(f_);
    std::remove(tmp_.c_str());
  }
}

Status Output::Fail(const char* what) {
  int e = errno;
  return {Code::kOutput, (is_stdout() ? std::string("stdout") : path_) + ": " + what + ": " + std::strerror(e)};
}

Status Output::Write(std::string_view bytes) {
  if (bytes.empty()) return Status::Ok();
  if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) return Fail("write failed");
  return Status::Ok();
}

Status Output::Commit() {
  if (std::fflush(f_) != 0) return Fail("write failed");
  if (is_stdout()) return Status::Ok();
  if (direct_) return Status::Ok();
  if (::fsync(::fileno(f_)) != 0 && errno != EINVAL) return Fail("sync failed");
  if (std::fclose(f_) != 0) {
    f_ = nullptr;
    return Fail("close failed");
  }
  f_ = nullptr;
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) return Fail("rename failed");
  committed_ = true;
  return Status::Ok();
}

}  // namespace callscope::report
