// The flag table and the subcommands. Options are validated here, before the library sees them.
#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>

#include "callscope/callscope.h"
#include "cli/exit_codes.h"
#include "report/report.h"

namespace callscope::cli {
namespace {

struct Common {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format;  // empty: json for one input, jsonl for several
  Options options;
  bool quiet = false;
};

void AddCommon(CLI::App* cmd, Common* c) {
  cmd->add_option("inputs", c->inputs, "transcript files")->required();
  cmd->add_option("-o,--output", c->output, "write here instead of stdout (atomically: temp + rename)");
  cmd->add_option("--layout", c->options.layout, "force a layout instead of detecting it (see: callscope layouts)");
  cmd->add_flag("--document", c->options.allow_document,
                "analyze speaker-less documents (press releases) instead of rejecting them");
  cmd->add_option("--max-bytes", c->options.max_bytes, "reject inputs larger than this (default 64 MiB)");
  cmd->add_option("--rules", c->options.rules_dir, "load rule packs from DIR instead of the built-in ones");
  cmd->add_flag("-q,--quiet", c->quiet, "no per-file error lines on stderr");
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
  auto out = report::Output::Open(c.output);
  if (!out.ok()) {
    std::fprintf(stderr, "callscope: %s\n", out.status().message().c_str());
    return kExitOutput;
  }
  auto sink = make_sink(out->get());
  int failed = 0;
  Code last = Code::kOk;
  for (const auto& in : c.inputs) {
    auto a = (*analyzer)->AnalyzeFile(in);
    if (!a.ok()) {
      if (!c.quiet) Complain(in, a.status());
      ++failed;
      last = a.status().code();
      continue;
    }
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

int Run(int argc, char** argv) {
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
  if (analyze->parsed()) {
    bool lines = analyze_opts.format == "jsonl" || (analyze_opts.format.empty() && analyze_opts.inputs.size() > 1);
    auto fmt_ = lines ? report::Format::kJsonl : report::Format::kJson;
    return RunFiles(analyze_opts, [&](report::Output* o) { return report::MakeJsonSink(o, fmt_); });
  }
  if (rep->parsed()) return RunFiles(report_opts, [](report::Output* o) { return report::MakeTextSink(o); });
  return kExitUsage;
}

}  // namespace callscope::cli
