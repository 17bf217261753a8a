// The flag table and the subcommands. Options are validated here, before the library sees them.
#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <new>

#include <unistd.h>

#include <atomic>
#include <iostream>

#include "batch/batch.h"
#include "core/timing.h"
#include "callscope/callscope.h"
#include "cli/exit_codes.h"
#include "cli/tag.h"
#include "report/report.h"
#include "rules/modules/speakers.h"

namespace callscope::cli {
namespace {

struct Common {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format;  // empty: json for one input, jsonl for several
  Options options;
  bool quiet = false;
  std::vector<std::string> lexicons;  // NAME=PATH
};

void AddAnalyzerFlags(CLI::App* cmd, Options* o) {
  cmd->add_option("--layout", o->layout, "force a layout instead of detecting it (see: callscope layouts)");
  cmd->add_flag("--document", o->allow_document,
                "analyze speaker-less documents (press releases) instead of rejecting them");
  cmd->add_option("--max-bytes", o->max_bytes, "reject inputs larger than this (default 64 MiB)");
  cmd->add_option("--rules", o->rules_dir, "load rule packs from DIR instead of the built-in ones");
}

void AddCommon(CLI::App* cmd, Common* c) {
  cmd->add_option("inputs", c->inputs, "transcript files")->required();
  cmd->add_option("-o,--output", c->output, "write here instead of stdout (atomically: temp + rename)");
  AddAnalyzerFlags(cmd, &c->options);
  cmd->add_flag("-q,--quiet", c->quiet, "no per-file error lines on stderr");
  cmd->add_option("--lexicon", c->lexicons,
                  "count a lexicon's words per speaker: NAME=PATH, a Loughran-McDonald master dictionary CSV "
                  "(categories as NAME.uncertainty, ...) or one word a line (repeatable)");
}

struct BatchFlags {
  std::vector<std::string> inputs;
  std::string db, jsonl, csv_dir, html_dir, shard;
  int jobs = 0;
  bool list = false, quiet = false, stats = false;
  Options options;
};

void AddBatch(CLI::App* cmd, BatchFlags* b) {
  cmd->add_option("inputs", b->inputs, "files, directories (recursive), globs, @LIST (a path a line), - (a list on stdin)")
      ->required();
  cmd->add_option("--db", b->db, "store into this SQLite database (docs/sqlite.md); a re-run skips calls already in it");
  cmd->add_option("--jsonl", b->jsonl, "write one JSON call a line here (- for stdout), as analyze --format jsonl");
  cmd->add_option("--csv-dir", b->csv_dir, "write one CSV file per table (calls, participants, exchanges, ...) here");
  cmd->add_option("--html-dir", b->html_dir, "write an HTML report per call here, and index.html listing them");
  cmd->add_option("-j,--jobs", b->jobs, "analyzer threads (default: every core)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--shard", b->shard, "take only shard K of N (0 <= K < N), by path hash: for Slurm arrays, parallel");
  cmd->add_flag("--list-inputs", b->list, "print the expanded (and sharded) inputs, one a line, and exit");
  AddAnalyzerFlags(cmd, &b->options);
  cmd->add_flag("-q,--quiet", b->quiet, "no per-file error lines, progress or summary on stderr");
  cmd->add_flag("--stats", b->stats, "at the end, the time spent in each stage (summed over threads) on stderr");
}

// `batch --stats`: one line per stage, seconds summed over threads and share of the total.
void PrintStageTimes() {
  auto stages = timing::Snapshot();
  double total = 0;
  for (const auto& [name, sec] : stages) total += sec;
  for (const auto& [name, sec] : stages)
    std::fprintf(stderr, "callscope: stats: %-20s %8.3f s %5.1f%%\n", name.c_str(), sec, total > 0 ? 100 * sec / total : 0.0);
}

std::atomic<bool> g_stop{false};
extern "C" void OnStopSignal(int) { g_stop = true; }  // finish the calls in flight, then stop

// batch: outputs are opened (and validated) before any work; per-call work is src/batch/.
int RunBatch(const BatchFlags& f) {
  batch::Options o;
  if (!f.shard.empty()) {
    auto shard = batch::ParseShard(f.shard);
    if (!shard.ok()) return std::fprintf(stderr, "callscope: %s\n", shard.status().message().c_str()), kExitUsage;
    o.shard = *shard;
  }
  if (f.list) {
    batch::InputWalker w(f.inputs, &std::cin);
    for (batch::InputWalker::Item it; w.Next(&it);)
      if (o.shard.Takes(it.path)) std::printf("%s\n", it.path.c_str());
    return std::fflush(stdout) == 0 ? kExitOk : kExitOutput;
  }
  if (f.db.empty() && f.jsonl.empty() && f.csv_dir.empty() && f.html_dir.empty())
    return std::fprintf(stderr, "callscope: batch needs an output: --db, --jsonl, --csv-dir or --html-dir\n"), kExitUsage;
  auto analyzer = Analyzer::Create(f.options);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "callscope: %s\n", analyzer.status().message().c_str());
    return ExitFor(analyzer.status().code());
  }
  std::vector<std::unique_ptr<report::Sink>> sinks;
  std::unique_ptr<report::Output> jsonl_out;
  auto open = [&](Result<std::unique_ptr<report::Sink>> s) {
    if (!s.ok()) std::fprintf(stderr, "callscope: %s\n", s.status().message().c_str());
    else sinks.push_back(std::move(s.value()));
    return s.ok();
  };
  if (!f.db.empty() && !open(report::OpenSqliteSink(f.db))) return kExitOutput;
  if (!f.csv_dir.empty() && !open(report::OpenCsvSink(f.csv_dir))) return kExitOutput;
  if (!f.html_dir.empty() && !open(report::OpenHtmlDirSink(f.html_dir))) return kExitOutput;
  if (!f.jsonl.empty()) {
    auto out = report::Output::Open(f.jsonl);
    if (!out.ok()) return std::fprintf(stderr, "callscope: %s\n", out.status().message().c_str()), kExitOutput;
    jsonl_out = std::move(out.value());
    sinks.push_back(report::MakeJsonSink(jsonl_out.get(), report::Format::kJsonl));
  }
  std::vector<report::Sink*> raw;
  for (auto& s : sinks) raw.push_back(s.get());
  o.jobs = f.jobs;
  o.resume = f.jsonl.empty() && f.csv_dir.empty() && f.html_dir.empty();  // whole-run outputs: redo all
  o.progress = !f.quiet && ::isatty(2);
  o.quiet = f.quiet;
  o.list_in = &std::cin;
  o.stop = &g_stop;
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  if (f.stats) timing::Enable();
  batch::Stats st = batch::Run(**analyzer, f.inputs, raw, o);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  Status s = st.fatal;
  for (auto& sink : sinks)
    if (s.ok() && !st.interrupted) s = sink->Finish();
  if (s.ok() && jsonl_out && !st.interrupted) s = jsonl_out->Commit();
  if (!s.ok()) {
    std::fprintf(stderr, "callscope: %s\n", s.message().c_str());
    return s.code() == Code::kSystem ? kExitSystem : kExitOutput;
  }
  if (!f.quiet) std::fprintf(stderr, "callscope: batch: %s\n", st.Summary().c_str());
  if (f.stats) PrintStageTimes();
  if (st.interrupted) {
    sinks.clear();  // closes the database; JSONL/CSV temporaries are removed
    jsonl_out.reset();
    std::raise(SIGINT);  // die of the signal, as a shell or xargs expects
    return 130;
  }
  return st.failed ? kExitSomeFailed : kExitOk;
}

void Complain(const std::string& file, const Status& s) {
  std::fprintf(stderr, "callscope: %s: %s\n", file.c_str(), s.message().c_str());
}

// Runs every input through the analyzer into one sink; bad files are reported and skipped.
int RunFiles(const Common& c, const std::function<std::unique_ptr<report::Sink>(report::Output*)>& make_sink) {
  auto analyzer = Analyzer::Create(c.options);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "callscope: %s\n", analyzer.status().message().c_str());
    return ExitFor(analyzer.status().code());
  }
  std::vector<rules::UserLexicon> lexicons;
  for (const auto& spec : c.lexicons) {
    auto lex = rules::LoadUserLexicon(spec);
    if (!lex.ok()) {
      std::fprintf(stderr, "callscope: %s\n", lex.status().message().c_str());
      return ExitFor(lex.status().code());
    }
    lexicons.push_back(std::move(*lex));
  }
  auto out = report::Output::Open(c.output);
  if (!out.ok()) {
    std::fprintf(stderr, "callscope: %s\n", out.status().message().c_str());
    return kExitOutput;
  }
  auto sink = make_sink(out->get());
  int failed = 0;
  Code last = Code::kOk;
  for (const auto& in : c.inputs) {
    auto a = (*analyzer)->AnalyzeFile(in);  // (out of memory is this call's error)
    if (!a.ok()) {
      if (!c.quiet) Complain(in, a.status());
      ++failed;
      last = a.status().code();
      continue;
    }
    rules::CountLexicons(lexicons, &a.value());
    if (Status s = sink->Write(a.value()); !s.ok()) {
      Complain(c.output, s);
      return kExitOutput;
    }
  }
  if (failed == static_cast<int>(c.inputs.size())) return c.inputs.size() == 1 ? ExitFor(last) : kExitSomeFailed;
  Status s = sink->Finish();  // nothing analyzed: no output file is created at all
  if (s.ok()) s = (*out)->Commit();
  if (!s.ok()) {
    if (!c.quiet) std::fprintf(stderr, "callscope: %s\n", s.message().c_str());
    return kExitOutput;
  }
  if (failed == 0) return kExitOk;
  return c.inputs.size() == 1 ? ExitFor(last) : kExitSomeFailed;
}

}  // namespace

int RunCommand(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes a write error we report, not a silent kill
  spdlog::set_level(spdlog::level::warn);
  CLI::App app{"callscope: earnings-call transcripts in, structure, guidance and tags out"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "callscope 0.1.0");

  Common analyze_opts;
  auto* analyze = app.add_subcommand("analyze", "analyze calls, write JSON (one file) or JSON Lines");
  AddCommon(analyze, &analyze_opts);
  analyze->add_option("--format", analyze_opts.format, "json (default for one input) or jsonl (default for several)")->check(CLI::IsMember({"json", "jsonl"}));

  Common report_opts;
  auto* rep = app.add_subcommand("report", "a readable report of each call");
  AddCommon(rep, &report_opts);
  std::string html_out;
  rep->add_option("--html", html_out, "write one self-contained HTML page here (atomically; - for stdout)");

  BatchFlags batch_opts;
  auto* bat = app.add_subcommand("batch", "analyze many calls into SQLite, JSONL and/or CSV, in parallel, resumable");
  AddBatch(bat, &batch_opts);

  Common metrics_opts;
  auto* met = app.add_subcommand("metrics", "the financial metrics said in each call, as CSV (one row per metric)");
  AddCommon(met, &metrics_opts);
  met->add_option("--csv", metrics_opts.output, "write the CSV here (atomically) instead of stdout");

  TagOptions tag_opts;
  std::string tag_role = "executive", tag_section = "qa";
  auto* tag = app.add_subcommand("tag", "tag JSON Lines {\"id\", \"text\"} from stdin: metrics, guidance, hedges, non-answers");
  tag->add_option("--rules", tag_opts.rules_dir, "load rule packs from DIR instead of the built-in ones");
  tag->add_option("--role", tag_role, "whose words the texts are (default executive: non-answers are management's)")
      ->check(CLI::IsMember({"executive", "analyst", "operator", "other"}));
  tag->add_option("--section", tag_section, "qa (default) or presentation; non-answers are tagged in Q&A only")
      ->check(CLI::IsMember({"qa", "presentation"}));

  Common guidance_opts;
  bool bom = false;
  auto* gui = app.add_subcommand("guidance", "the guidance management gave in each call, as CSV (one row per item)");
  AddCommon(gui, &guidance_opts);
  gui->add_option("--csv", guidance_opts.output, "write the CSV here (atomically) instead of stdout");
  gui->add_flag("--bom", bom, "start the CSV with a UTF-8 byte order mark (for spreadsheets)");

  auto* lay = app.add_subcommand("layouts", "list the transcript layouts callscope detects");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  if (lay->parsed()) {
    for (const auto& l : Layouts()) std::printf("%-22s %s\n", l.name.c_str(), l.description.c_str());
    return kExitOk;
  }
  if (tag->parsed()) {
    tag_opts.role = tag_role == "analyst"    ? Role::kAnalyst
                    : tag_role == "operator" ? Role::kOperator
                    : tag_role == "other"    ? Role::kOther
                                             : Role::kExecutive;
    tag_opts.section = tag_section == "presentation" ? Section::kPresentation : Section::kQa;
    return RunTag(tag_opts);
  }
  if (analyze->parsed()) {
    bool lines = analyze_opts.format == "jsonl" || (analyze_opts.format.empty() && analyze_opts.inputs.size() > 1);
    auto fmt_ = lines ? report::Format::kJsonl : report::Format::kJson;
    return RunFiles(analyze_opts, [&](report::Output* o) { return report::MakeJsonSink(o, fmt_); });
  }
  if (bat->parsed()) return RunBatch(batch_opts);
  if (rep->parsed() && !html_out.empty()) {
    if (report_opts.inputs.size() != 1) {
      std::fprintf(stderr, "callscope: --html takes one call (a page per call)\n");
      return kExitUsage;
    }
    report_opts.output = html_out;
    return RunFiles(report_opts, [](report::Output* o) { return report::MakeHtmlSink(o); });
  }
  if (rep->parsed()) return RunFiles(report_opts, [](report::Output* o) { return report::MakeTextSink(o); });
  if (gui->parsed())
    return RunFiles(guidance_opts, [&](report::Output* o) { return report::MakeGuidanceCsvSink(o, bom); });
  if (met->parsed()) return RunFiles(metrics_opts, [](report::Output* o) { return report::MakeMetricsCsvSink(o); });
  return kExitUsage;
}

// Out of memory (a `ulimit -v`, a huge input under --max-bytes) or any exception no stage caught:
// one line and an exit code, never an abort. (Outputs are written atomically, so none is left
// half-written.)
int Run(int argc, char** argv) {
  try {
    return RunCommand(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "callscope: out of memory\n");
    return kExitSystem;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "callscope: internal error: %s\n", e.what());
    return kExitInternal;
  }
}

}  // namespace callscope::cli
