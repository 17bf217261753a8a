// The JSON contract, schema "callscope/1" (docs/json.md). Keys keep a fixed order so output is
// byte-stable; nothing time- or machine-dependent is written.
#include <nlohmann/json.hpp>

#include "report/json_writer.h"
#include "report/report.h"

namespace callscope::report {

using ordered = nlohmann::ordered_json;

void WriteTags(const Analysis& a, JsonWriter* w);  // tags_json.cc

namespace {

ordered Nullable(const std::string& s) { return s.empty() ? ordered(nullptr) : ordered(s); }

void Write(const Analysis& a, JsonWriter* w) {
  w->Member("schema", "callscope/1");
  w->Member("source", {{"path", a.source.path},
                       {"bytes", a.source.bytes},
                       {"sha256", a.source.sha256},
                       {"encoding", a.source.encoding},
                       {"layout", a.source.layout},
                       {"layout_confidence", a.source.layout_confidence}});
  w->Member("kind", a.kind == DocKind::kTranscript ? "transcript" : "document");
  w->Member("call", {{"company", Nullable(a.call.company)},
                     {"ticker", Nullable(a.call.ticker)},
                     {"title", Nullable(a.call.title)},
                     {"date", Nullable(a.call.date)},
                     {"fiscal_period", Nullable(a.call.fiscal_period)}});
  w->Member("warnings", a.warnings);
  w->Array("participants", a.participants.size(), [&](size_t i) {
    const Participant& p = a.participants[i];
    ordered o = {{"id", p.id},
                 {"name", p.name},
                 {"affiliation", Nullable(p.affiliation)},
                 {"title", Nullable(p.title)},
                 {"role", RoleName(p.role)}};
    if (!p.aliases.empty()) o["aliases"] = p.aliases;
    return o;
  });
  w->Array("turns", a.turns.size(), [&](size_t i) {
    const Turn& t = a.turns[i];
    ordered o = {{"index", t.index},   {"speaker", t.speaker}, {"section", SectionName(t.section)},
                 {"text", t.text},     {"start", t.start},     {"end", t.end}};
    if (t.handoff) o["handoff"] = true;
    return o;
  });
  w->Array("exchanges", a.exchanges.size(), [&](size_t i) {
    const Exchange& e = a.exchanges[i];
    return ordered{{"index", e.index}, {"analyst", e.analyst}, {"turns", e.turns}, {"responders", e.responders}};
  });
  w->Member("sentences", a.sentences.size());
  WriteTags(a, w);
}

class JsonSink : public Sink {
 public:
  JsonSink(Output* out, Format f) : out_(out), format_(f) {}
  Status Write(const Analysis& a) override {
    std::string s;
    if (format_ == Format::kJsonl) {
      s = ToJson(a, -1);
      s.push_back('\n');
    } else {
      s = (n_ == 0 ? "" : ",\n") + ToJson(a, 2);
      if (n_ == 0) pending_ = std::move(s), s.clear();
      else if (!pending_.empty()) s = "[\n" + pending_ + s, pending_.clear();
    }
    ++n_;
    return out_->Write(s);
  }
  Status Finish() override {
    if (format_ == Format::kJson) {
      if (n_ == 1) return out_->Write(pending_ + "\n");
      if (n_ > 1) return out_->Write("\n]\n");
    }
    return Status::Ok();
  }

 private:
  Output* out_;
  Format format_;
  size_t n_ = 0;
  std::string pending_;  // a single call is written as an object, several as an array
};

}  // namespace

std::string ToJson(const Analysis& a, int indent) {
  JsonWriter w(indent);
  Write(a, &w);
  return w.Finish();
}

std::unique_ptr<Sink> MakeJsonSink(Output* out, Format format) { return std::make_unique<JsonSink>(out, format); }

}  // namespace callscope::report
