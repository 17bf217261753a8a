// The batch engine's parts: input expansion, --shard, the re-ordering window.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "batch/batch.h"
#include "callscope/callscope.h"
#include "report/report.h"

namespace fs = std::filesystem;
using callscope::batch::InputWalker;
using callscope::batch::ParseShard;
using callscope::batch::Reorderer;
using callscope::batch::Shard;

namespace {

struct TempDir {
  fs::path root;
  TempDir() {
    root = fs::temp_directory_path() / ("callscope_batch_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempDir() { fs::remove_all(root); }
  std::string Touch(const std::string& rel) {
    fs::path p = root / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x";
    return p.string();
  }
};

std::vector<std::string> Walk(std::vector<std::string> inputs, std::istream* in = nullptr,
                              std::vector<std::string>* errors = nullptr) {
  InputWalker w(std::move(inputs), in);
  std::vector<std::string> out;
  for (InputWalker::Item it; w.Next(&it);)
    if (it.error.ok()) out.push_back(it.path);
    else if (errors) errors->push_back(it.path);
  return out;
}

}  // namespace

TEST_CASE("directories expand recursively in byte order, skipping dot-files") {
  TempDir t;
  std::string r = t.root.string();
  t.Touch("b/z.txt");
  t.Touch("b/a.txt");
  t.Touch("a.txt");
  t.Touch("B.txt");
  t.Touch(".hidden/x.txt");
  t.Touch("b/.swp");
  CHECK(Walk({r}) == std::vector<std::string>{r + "/B.txt", r + "/a.txt", r + "/b/a.txt", r + "/b/z.txt"});
  CHECK(Walk({r + "/"}).front() == r + "/B.txt");  // no doubled slash
}

TEST_CASE("files keep their order, missing ones pass through to be reported") {
  TempDir t;
  std::string a = t.Touch("a.txt"), b = t.Touch("b.txt");
  CHECK(Walk({b, a, b, t.root.string() + "/missing.txt"}) ==
        std::vector<std::string>{b, a, b, t.root.string() + "/missing.txt"});
}

TEST_CASE("globs, @lists and a list on stdin") {
  TempDir t;
  std::string r = t.root.string();
  std::string a = t.Touch("d/a.txt"), b = t.Touch("d/b.json"), c = t.Touch("e/c.txt");
  CHECK(Walk({r + "/d/*.txt"}) == std::vector<std::string>{a});
  CHECK(Walk({r + "/*"}) == std::vector<std::string>{a, b, c});  // matched directories expand
  std::vector<std::string> errors;
  CHECK(Walk({r + "/nothing*.txt"}, nullptr, &errors).empty());
  CHECK(errors.size() == 1);

  std::ofstream(t.root / "list.txt") << c << "\r\n\n" << r + "/d\n";
  CHECK(Walk({"@" + r + "/list.txt"}) == std::vector<std::string>{c, a, b});
  errors.clear();
  Walk({"@" + r + "/nolist.txt"}, nullptr, &errors);
  CHECK(errors == std::vector<std::string>{r + "/nolist.txt"});

  std::istringstream in(b + "\n" + a + "\n");
  CHECK(Walk({c, "-"}, &in) == std::vector<std::string>{c, b, a});
  errors.clear();
  Walk({"-"}, nullptr, &errors);  // no stdin list available
  CHECK(errors.size() == 1);
}

TEST_CASE("--shard K/N parses strictly") {
  CHECK(ParseShard("0/1").ok());
  auto s = ParseShard("3/8");
  REQUIRE(s.ok());
  CHECK(s->index == 3);
  CHECK(s->count == 8);
  for (const char* bad : {"", "1", "8/8", "1/0", "-1/4", "a/4", "1/4x", "/4", "1/"}) CHECK_FALSE(ParseShard(bad).ok());
}

TEST_CASE("shards partition the inputs, stably, by path hash") {
  std::vector<std::string> paths;
  for (int i = 0; i < 1000; ++i) paths.push_back("calls/c" + std::to_string(i) + ".txt");
  const uint64_t n = 4;
  std::vector<int> sizes(n);
  for (const auto& p : paths) {
    int owners = 0;
    for (uint64_t k = 0; k < n; ++k)
      if (Shard{k, n}.Takes(p)) ++owners, ++sizes[k];
    CHECK(owners == 1);
  }
  for (int sz : sizes) CHECK(sz > 200);  // roughly even
  // Stable across runs and machines: FNV-1a 64 of the bytes.
  CHECK(Shard::PathHash("") == 14695981039346656037ull);
  CHECK(Shard::PathHash("a") == 0xaf63dc4c8601ec8cull);
  CHECK(Shard{}.Takes("anything"));
}

TEST_CASE("the reorderer hands results back in sequence order within its window") {
  const uint64_t total = 2000, window = 8;
  Reorderer<uint64_t> r(window);
  std::atomic<uint64_t> next{0};
  std::atomic<size_t> max_held{0};
  std::vector<std::thread> producers;
  for (int t = 0; t < 4; ++t)
    producers.emplace_back([&, t] {
      std::mt19937 rng(t);
      for (uint64_t seq; (seq = next++) < total;) {
        if (rng() % 4 == 0) std::this_thread::yield();
        r.Put(seq, seq * 10);
        size_t h = r.held();
        for (size_t m = max_held; h > m && !max_held.compare_exchange_weak(m, h);) {
        }
      }
    });
  std::thread finisher([&] {
    for (auto& p : producers) p.join();
    r.Finish(total);
  });
  uint64_t expect = 0;
  while (auto v = r.Take()) CHECK(*v == 10 * expect++);
  finisher.join();
  CHECK(expect == total);
  CHECK(max_held <= window);
}

TEST_CASE("a cancelled reorderer releases everyone") {
  Reorderer<int> r(1);
  r.Put(0, 0);
  std::thread blocked([&] { CHECK_FALSE(r.Put(5, 5)); });  // far outside the window: waits
  r.Cancel();
  blocked.join();
  CHECK_FALSE(r.Take().has_value());
}

TEST_CASE("the bounded queue blocks producers at capacity and drains after Close") {
  callscope::batch::BoundedQueue<int> q(2);
  CHECK(q.Push(1));
  CHECK(q.Push(2));
  std::atomic<bool> pushed{false};
  std::thread p([&] { pushed = q.Push(3); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(pushed.load());
  CHECK(*q.Pop() == 1);
  p.join();
  CHECK(pushed.load());
  q.Close();
  CHECK(*q.Pop() == 2);
  CHECK(*q.Pop() == 3);
  CHECK_FALSE(q.Pop().has_value());
  CHECK_FALSE(q.Push(4));
}

TEST_CASE("TryPop takes what waits and never blocks") {
  callscope::batch::BoundedQueue<int> q(4);
  CHECK_FALSE(q.TryPop().has_value());
  CHECK(q.Push(7));
  CHECK(q.Push(8));
  CHECK(*q.TryPop() == 7);
  CHECK(*q.TryPop() == 8);
  CHECK_FALSE(q.TryPop().has_value());
}

TEST_CASE("AnalyzeMany gives each call what Analyze gives it alone, failures in place") {
  // Batch mode analyzes the calls a worker holds together; a call's tags must not depend on the
  // calls beside it (module state is per call), and a bad input fails alone.
  auto an = callscope::Analyzer::Create({});
  REQUIRE(an.ok());
  std::vector<std::string> paths, bytes;
  for (const auto& e : fs::directory_iterator("corpora"))
    if (e.path().extension() == ".txt") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  REQUIRE(paths.size() >= 4);
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    bytes.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  paths.insert(paths.begin() + 2, "empty.txt");  // a failure between two calls
  bytes.insert(bytes.begin() + 2, "");
  std::vector<callscope::Analyzer::Input> inputs;
  for (size_t i = 0; i < paths.size(); ++i) inputs.push_back({bytes[i], paths[i]});
  auto many = (*an)->AnalyzeMany(inputs);
  REQUIRE(many.size() == paths.size());
  size_t tagged = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    CAPTURE(paths[i]);
    auto one = (*an)->Analyze(bytes[i], paths[i]);
    REQUIRE(one.ok() == many[i].ok());
    if (!one.ok()) {
      CHECK(one.status().message() == many[i].status().message());
      continue;
    }
    CHECK(callscope::report::ToJson(*one, 0) == callscope::report::ToJson(*many[i], 0));
    tagged += one->tags.metrics.size();
  }
  CHECK_FALSE(many[2].ok());
  CHECK(tagged > 50);  // the comparison covered real tags
}
