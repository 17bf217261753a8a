// The CSV sink: the tables of tables.h as one RFC 4180 file per table in a directory
// (calls.csv, participants.csv, exchanges.csv, ... errors.csv), across every call of a run.
// `call_id` is the call's ordinal in the run, matching calls.csv's `id`.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "report/report.h"
#include "report/tables.h"

namespace callscope::report {

void AppendCsvField(std::string* line, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    line->append(s);
    return;
  }
  line->push_back('"');
  for (char c : s) {
    if (c == '"') line->push_back('"');
    line->push_back(c);
  }
  line->push_back('"');
}

namespace {

void AppendValue(std::string* line, const Value& v) {
  switch (v.index()) {
    case 0: break;  // NULL: an empty field
    case 1: line->append(std::to_string(std::get<1>(v))); break;
    case 2: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", std::get<2>(v));
      line->append(buf);
      break;
    }
    case 3: AppendCsvField(line, std::get<3>(v)); break;
    default: AppendCsvField(line, std::get<4>(v));
  }
}

class CsvSink : public Sink {
 public:
  Status Open(const std::string& dir) {
    for (const Table& t : Tables()) {
      auto out = Output::Open(dir + "/" + t.name + ".csv");
      if (!out.ok()) return out.status();
      std::string header = t.rows ? (std::string_view(t.name) == "calls" ? "id" : "call_id") : "";
      for (const Column& c : t.columns) {
        if (!header.empty()) header += ',';
        header += c.name;
      }
      header += '\n';
      if (Status s = (*out)->Write(header); !s.ok()) return s;
      outs_.push_back(std::move(out.value()));
    }
    return Status::Ok();
  }

  Status Write(const Analysis& a) override {
    ++call_id_;
    const auto& tables = Tables();
    for (size_t i = 0; i < tables.size(); ++i) {
      if (!tables[i].rows) continue;
      line_.clear();
      tables[i].rows(a, [&](const std::vector<Value>& row) {
        line_.append(std::to_string(call_id_));
        for (const Value& v : row) line_.push_back(','), AppendValue(&line_, v);
        line_.push_back('\n');
      });
      if (Status s = outs_[i]->Write(line_); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status WriteError(const std::string& path, const Status& error) override {
    line_.clear();
    AppendCsvField(&line_, path);
    line_.push_back(',');
    line_.append(CodeName(error.code()));
    line_.push_back(',');
    AppendCsvField(&line_, error.message());
    line_.push_back('\n');
    return outs_.back()->Write(line_);  // errors is the last table
  }

  Status Finish() override {
    for (auto& o : outs_)
      if (Status s = o->Commit(); !s.ok()) return s;
    return Status::Ok();
  }

 private:
  std::vector<std::unique_ptr<Output>> outs_;  // Tables() order
  int64_t call_id_ = 0;
  std::string line_;
};

}  // namespace

Result<std::unique_ptr<Sink>> OpenCsvSink(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST)
    return Status(Code::kOutput, dir + ": cannot create directory: " + std::strerror(errno));
  auto sink = std::make_unique<CsvSink>();
  if (Status s = sink->Open(dir); !s.ok()) return s;
  return std::unique_ptr<Sink>(std::move(sink));
}

}  // namespace callscope::report
