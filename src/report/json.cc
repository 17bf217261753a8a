// The JSON contract, schema "callscope/1" (docs/json.md). Keys keep a fixed order so output is
// byte-stable; nothing time- or machine-dependent is written.
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace callscope::report {

using ordered = nlohmann::ordered_json;

ordered TagsJson(const Analysis& a);  // rules/: tags_json.cc

namespace {

ordered Nullable(const std::string& s) { return s.empty() ? ordered(nullptr) : ordered(s); }

ordered Build(const Analysis& a) {
  ordered j;
  j["schema"] = "callscope/1";
  j["source"] = {{"path", a.source.path},
                 {"bytes", a.source.bytes},
                 {"sha256", a.source.sha256},
                 {"encoding", a.source.encoding},
                 {"layout", a.source.layout},
                 {"layout_confidence", a.source.layout_confidence}};
  j["kind"] = a.kind == DocKind::kTranscript ? "transcript" : "document";
  j["call"] = {{"company", Nullable(a.call.company)},
               {"ticker", Nullable(a.call.ticker)},
               {"title", Nullable(a.call.title)},
               {"date", Nullable(a.call.date)},
               {"fiscal_period", Nullable(a.call.fiscal_period)}};
  j["warnings"] = a.warnings;
  ordered& ps = j["participants"] = ordered::array();
  for (const auto& p : a.participants) {
    ordered o = {{"id", p.id},
                 {"name", p.name},
                 {"affiliation", Nullable(p.affiliation)},
                 {"title", Nullable(p.title)},
                 {"role", RoleName(p.role)}};
    if (!p.aliases.empty()) o["aliases"] = p.aliases;
    ps.push_back(std::move(o));
  }
  ordered& ts = j["turns"] = ordered::array();
  for (const auto& t : a.turns) {
    ordered o = {{"index", t.index},   {"speaker", t.speaker}, {"section", SectionName(t.section)},
                 {"text", t.text},     {"start", t.start},     {"end", t.end}};
    if (t.handoff) o["handoff"] = true;
    ts.push_back(std::move(o));
  }
  ordered& es = j["exchanges"] = ordered::array();
  for (const auto& e : a.exchanges)
    es.push_back({{"index", e.index}, {"analyst", e.analyst}, {"turns", e.turns}, {"responders", e.responders}});
  j["sentences"] = a.sentences.size();
  ordered tags = TagsJson(a);
  for (auto& [k, v] : tags.items()) j[k] = std::move(v);
  return j;
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
  return Build(a).dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::unique_ptr<Sink> MakeJsonSink(Output* out, Format format) { return std::make_unique<JsonSink>(out, format); }

}  // namespace callscope::report
