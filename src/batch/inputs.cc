// Input expansion for batch (files, directories, globs, @lists, stdin lists) and --shard.
// Lazy: a directory is listed only when the walk reaches it, so millions of files cost the
// memory of one directory listing per level, never the whole list.
#include <dirent.h>
#include <glob.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

#include "batch/batch.h"

namespace callscope::batch {

uint64_t Shard::PathHash(std::string_view path) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : path) h = (h ^ c) * 1099511628211ull;
  return h;
}

Result<Shard> ParseShard(std::string_view spec) {
  Shard s;
  auto slash = spec.find('/');
  auto bad = Status(Code::kUsage, "--shard wants K/N with 0 <= K < N, got '" + std::string(spec) + "'");
  if (slash == std::string_view::npos) return bad;
  auto k = spec.substr(0, slash), n = spec.substr(slash + 1);
  auto r1 = std::from_chars(k.data(), k.data() + k.size(), s.index);
  auto r2 = std::from_chars(n.data(), n.data() + n.size(), s.count);
  if (k.empty() || n.empty() || r1.ec != std::errc() || r1.ptr != k.data() + k.size() || r2.ec != std::errc() ||
      r2.ptr != n.data() + n.size() || s.count == 0 || s.index >= s.count)
    return bad;
  return s;
}

// One level of the walk: a list of paths (inputs, a directory listing, glob matches) or a
// stream of lines (@list, stdin).
struct InputWalker::Frame {
  std::vector<std::string> paths;
  size_t at = 0;
  bool top = false;                      // the command-line inputs: @, - and globs apply
  std::unique_ptr<std::ifstream> file;   // @list
  std::istream* lines = nullptr;         // @list or stdin
  bool Next(std::string* out) {
    if (lines) {
      while (std::getline(*lines, *out)) {
        if (!out->empty() && out->back() == '\r') out->pop_back();
        if (!out->empty()) return true;
      }
      return false;
    }
    if (at >= paths.size()) return false;
    *out = std::move(paths[at++]);
    return true;
  }
};

InputWalker::InputWalker(std::vector<std::string> inputs, std::istream* list_in) : list_in_(list_in) {
  auto f = std::make_unique<Frame>();
  f->paths = std::move(inputs);
  f->top = true;
  stack_.push_back(std::move(f));
}

InputWalker::~InputWalker() = default;

bool InputWalker::Next(Item* item) {
  std::string path;
  while (!stack_.empty()) {
    Frame& f = *stack_.back();
    bool top = f.top;
    if (!f.Next(&path)) {
      stack_.pop_back();
      continue;
    }
    if (top && path == "-") {
      if (!list_in_) {
        *item = {"-", Status(Code::kUsage, "no list on standard input")};
        return true;
      }
      auto lf = std::make_unique<Frame>();
      lf->lines = list_in_;
      list_in_ = nullptr;  // stdin is read once
      stack_.push_back(std::move(lf));
      continue;
    }
    if (top && path.size() > 1 && path[0] == '@') {
      auto lf = std::make_unique<Frame>();
      lf->file = std::make_unique<std::ifstream>(path.substr(1));
      if (!*lf->file) {
        *item = {path.substr(1), Status(Code::kUnreadable, std::string("cannot read list: ") + std::strerror(errno))};
        return true;
      }
      lf->lines = lf->file.get();
      stack_.push_back(std::move(lf));
      continue;
    }
    struct stat st {};
    if (top && path.find_first_of("*?[") != std::string::npos && ::stat(path.c_str(), &st) != 0) {
      glob_t g{};
      int rc = ::glob(path.c_str(), 0, nullptr, &g);
      auto gf = std::make_unique<Frame>();
      for (size_t i = 0; rc == 0 && i < g.gl_pathc; ++i) gf->paths.emplace_back(g.gl_pathv[i]);
      ::globfree(&g);
      if (gf->paths.empty()) {
        *item = {path, Status(Code::kUnreadable, "no file matches")};
        return true;
      }
      stack_.push_back(std::move(gf));
      continue;
    }
    if (Expand(std::move(path), item)) return true;
  }
  return false;
}

// A file becomes an item; a directory pushes its sorted listing. True if `item` was filled.
bool InputWalker::Expand(std::string path, Item* item) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *item = {std::move(path), Status::Ok()};  // missing or unreadable: the analyzer says why
    return true;
  }
  DIR* d = ::opendir(path.c_str());
  if (!d) {
    *item = {path, Status(Code::kUnreadable, std::string("cannot list directory: ") + std::strerror(errno))};
    return true;
  }
  auto df = std::make_unique<Frame>();
  std::string prefix = path.back() == '/' ? path : path + "/";
  while (dirent* e = ::readdir(d)) {
    if (e->d_name[0] == '.') continue;
    std::string child = prefix + e->d_name;
    struct stat lst {};
    if (::lstat(child.c_str(), &lst) != 0) continue;
    if (S_ISLNK(lst.st_mode) && ::stat(child.c_str(), &lst) == 0 && S_ISDIR(lst.st_mode)) continue;  // no cycles
    df->paths.push_back(std::move(child));
  }
  ::closedir(d);
  std::sort(df->paths.begin(), df->paths.end());
  stack_.push_back(std::move(df));
  return false;
}

}  // namespace callscope::batch
