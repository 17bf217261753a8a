// The relational view of an Analysis (tables.h), read by the SQLite and CSV sinks.
// Adding a tag table: one entry below (columns, keys, indexes, a rows function) and a line in
// docs/sqlite.md; both sinks, the schema and the CSV header follow, and kSchemaVersion goes up.
#include "report/tables.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace callscope::report {
namespace {

Value Text(const std::string& s) { return std::string_view(s); }
Value NullIfEmpty(const std::string& s) {
  return s.empty() ? Value(nullptr) : Value(std::string_view(s));
}
Value NullIfZero(int v) { return v == 0 ? Value(nullptr) : Value(int64_t{v}); }
Value Int(int64_t v) { return v; }
Value Lit(const char* s) { return std::string_view(s); }
Value Real(double v) { return std::isnan(v) ? Value(nullptr) : Value(v); }
Value JsonList(const std::vector<std::string>& v) {
  return v.empty() ? Value(nullptr) : Value(nlohmann::json(v).dump());
}

void CallRows(const Analysis& a, const RowFn& emit) {
  const Source& s = a.source;
  const Call& c = a.call;
  emit({Text(s.sha256), Text(s.path), Int(static_cast<int64_t>(s.bytes)), Text(s.encoding),
        Text(s.layout), s.layout_confidence,
        Lit(a.kind == DocKind::kTranscript ? "transcript" : "document"), NullIfEmpty(c.company),
        NullIfEmpty(c.ticker), NullIfEmpty(c.title), NullIfEmpty(c.date),
        NullIfEmpty(c.fiscal_period), NullIfZero(c.fiscal_quarter), NullIfZero(c.fiscal_year),
        Int(static_cast<int64_t>(a.sentences.size())), JsonList(a.warnings)});
}

void ParticipantRows(const Analysis& a, const RowFn& emit) {
  for (const auto& p : a.participants)
    emit({Int(p.id), Text(p.name), NullIfEmpty(p.affiliation), NullIfEmpty(p.title),
          Lit(RoleName(p.role)), JsonList(p.aliases)});
}

void TurnRows(const Analysis& a, const RowFn& emit) {
  for (const auto& t : a.turns)
    emit({Int(t.index), Int(t.speaker), Lit(SectionName(t.section)), Int(t.handoff), Int(t.start),
          Int(t.end), Text(t.text)});
}

void ExchangeRows(const Analysis& a, const RowFn& emit) {
  for (const auto& e : a.exchanges) emit({Int(e.index), Int(e.analyst)});
}

void ExchangeTurnRows(const Analysis& a, const RowFn& emit) {
  for (const auto& e : a.exchanges)
    for (size_t i = 0; i < e.turns.size(); ++i)
      emit({Int(e.index), Int(static_cast<int64_t>(i)), Int(e.turns[i])});
}

void ExchangeResponderRows(const Analysis& a, const RowFn& emit) {
  for (const auto& e : a.exchanges)
    for (size_t i = 0; i < e.responders.size(); ++i)
      emit({Int(e.index), Int(static_cast<int64_t>(i)), Int(e.responders[i])});
}

void MetricRows(const Analysis& a, const RowFn& emit) {
  const auto& ms = a.tags.metrics;
  for (size_t i = 0; i < ms.size(); ++i) {
    const Metric& m = ms[i];
    emit({Int(static_cast<int64_t>(i)), Text(m.metric), Real(m.value), Real(m.low), Real(m.high),
          NullIfEmpty(m.unit), Int(m.approx), NullIfEmpty(m.period), NullIfEmpty(m.basis),
          NullIfEmpty(m.segment), NullIfEmpty(m.share_of), Int(m.speaker), Int(m.turn),
          Int(m.sentence), Int(m.start), Int(m.end), Text(m.quote)});
  }
}

void MetricComparisonRows(const Analysis& a, const RowFn& emit) {
  const auto& ms = a.tags.metrics;
  for (size_t i = 0; i < ms.size(); ++i)
    for (size_t k = 0; k < ms[i].comparisons.size(); ++k) {
      const Comparison& c = ms[i].comparisons[k];
      emit({Int(static_cast<int64_t>(i)), Int(static_cast<int64_t>(k)), Text(c.kind), Text(c.type),
            Real(c.value), Real(c.Range() ? c.low : NAN), Real(c.Range() ? c.high : NAN), NullIfEmpty(c.unit),
            NullIfEmpty(c.period)});
    }
}

Value Bool(bool b) { return int64_t{b}; }

void GuidanceRows(const Analysis& a, const RowFn& emit) {
  const auto& gs = a.tags.guidance;
  for (size_t i = 0; i < gs.size(); ++i) {
    const Guidance& g = gs[i];
    emit({Int(static_cast<int64_t>(i)),
          Text(g.metric),
          NullIfEmpty(g.period),
          NullIfEmpty(g.basis),
          NullIfEmpty(g.segment),
          Real(g.low),
          Real(g.high),
          NullIfEmpty(g.unit),
          NullIfEmpty(g.qualifier),
          NullIfEmpty(g.revision),
          Real(g.prior_low),
          Real(g.prior_high),
          Bool(g.qualitative),
          NullIfEmpty(g.condition),
          Int(g.speaker),
          Int(g.turn),
          Int(g.sentence),
          Int(g.start),
          Int(g.end),
          Text(g.quote)});
  }
}

void HedgeRows(const Analysis& a, const RowFn& emit) {
  const auto& hs = a.tags.hedges;
  for (size_t i = 0; i < hs.size(); ++i) {
    const Hedge& h = hs[i];
    emit({Int(static_cast<int64_t>(i)), Text(h.category), Text(h.cue), Text(h.rule), Int(h.speaker),
          Int(h.turn), Int(h.sentence), Int(h.start), Int(h.end)});
  }
}

void NonAnswerRows(const Analysis& a, const RowFn& emit) {
  const auto& ns = a.tags.nonanswers;
  for (size_t i = 0; i < ns.size(); ++i) {
    const NonAnswer& n = ns[i];
    emit({Int(static_cast<int64_t>(i)), Text(n.category), Text(n.phrase), Text(n.rule),
          n.exchange < 0 ? Value(nullptr) : Int(n.exchange), Int(n.speaker), Int(n.turn),
          Int(n.sentence), Int(n.start), Int(n.end)});
  }
}

// One row per speaker and scope ("all", "presentation", "qa"); hedge categories and lexicon hits
// as JSON objects.
void SpeakerStatRows(const Analysis& a, const RowFn& emit) {
  auto row = [&](int speaker, const char* scope, const SpeakerCounts& c) {
    double rate = c.words ? 1000.0 * c.hedges / c.words : NAN;
    emit({Int(speaker), Lit(scope), Int(c.turns), Int(c.words), Int(c.hedges), Real(rate),
          c.hedges_by_category.empty() ? Value(nullptr)
                                       : Value(nlohmann::json(c.hedges_by_category).dump()),
          Int(c.nonanswers), Int(c.guidance), Int(c.metrics),
          c.lexicons.empty() ? Value(nullptr) : Value(nlohmann::json(c.lexicons).dump())});
  };
  for (const auto& s : a.tags.speakers) {
    row(s.speaker, "all", s.all);
    row(s.speaker, "presentation", s.presentation);
    row(s.speaker, "qa", s.qa);
  }
}

// Every tag table ends with where the tag was said (and, for metrics and guidance, the sentence).
constexpr bool kQuoted = true;
std::vector<Column> Tag(std::vector<Column> own, bool quoted = false) {
  own.insert(own.end(), {{"speaker", "INTEGER NOT NULL"},
                         {"turn", "INTEGER NOT NULL"},
                         {"sentence", "INTEGER NOT NULL"},
                         {"start_byte", "INTEGER NOT NULL"},
                         {"end_byte", "INTEGER NOT NULL"}});
  if (quoted) own.push_back({"quote", "TEXT NOT NULL"});
  return own;
}
constexpr const char* kTagKeys =
    "PRIMARY KEY (call_id, idx), FOREIGN KEY (call_id, speaker) REFERENCES participants (call_id, "
    "id), "
    "FOREIGN KEY (call_id, turn) REFERENCES turns (call_id, idx)";

}  // namespace

const std::vector<Table>& Tables() {
  static const std::vector<Table> kTables = {
      {"calls",
       {{"sha256", "TEXT NOT NULL UNIQUE"},
        {"path", "TEXT NOT NULL"},
        {"bytes", "INTEGER NOT NULL"},
        {"encoding", "TEXT NOT NULL"},
        {"layout", "TEXT NOT NULL"},
        {"layout_confidence", "REAL NOT NULL"},
        {"kind", "TEXT NOT NULL"},
        {"company", "TEXT"},
        {"ticker", "TEXT"},
        {"title", "TEXT"},
        {"date", "TEXT"},
        {"fiscal_period", "TEXT"},
        {"fiscal_quarter", "INTEGER"},
        {"fiscal_year", "INTEGER"},
        {"sentences", "INTEGER NOT NULL"},
        {"warnings", "TEXT"}},
       "",
       {"company", "ticker, fiscal_year, fiscal_quarter", "date", "fiscal_year, fiscal_quarter"},
       CallRows},
      {"participants",
       {{"id", "INTEGER NOT NULL"},
        {"name", "TEXT NOT NULL"},
        {"affiliation", "TEXT"},
        {"title", "TEXT"},
        {"role", "TEXT NOT NULL"},
        {"aliases", "TEXT"}},
       "PRIMARY KEY (call_id, id)",
       {"name", "role"},
       ParticipantRows},
      {"turns",
       {{"idx", "INTEGER NOT NULL"},
        {"speaker", "INTEGER NOT NULL"},
        {"section", "TEXT NOT NULL"},
        {"handoff", "INTEGER NOT NULL"},
        {"start_byte", "INTEGER NOT NULL"},
        {"end_byte", "INTEGER NOT NULL"},
        {"text", "TEXT NOT NULL"}},
       "PRIMARY KEY (call_id, idx), FOREIGN KEY (call_id, speaker) REFERENCES participants "
       "(call_id, id)",
       {"call_id, speaker"},
       TurnRows},
      {"exchanges",
       {{"idx", "INTEGER NOT NULL"}, {"analyst", "INTEGER NOT NULL"}},
       "PRIMARY KEY (call_id, idx), FOREIGN KEY (call_id, analyst) REFERENCES participants "
       "(call_id, id)",
       {"call_id, analyst"},
       ExchangeRows},
      {"exchange_turns",
       {{"exchange", "INTEGER NOT NULL"},
        {"ord", "INTEGER NOT NULL"},
        {"turn", "INTEGER NOT NULL"}},
       "PRIMARY KEY (call_id, exchange, ord), FOREIGN KEY (call_id, exchange) REFERENCES exchanges "
       "(call_id, idx), "
       "FOREIGN KEY (call_id, turn) REFERENCES turns (call_id, idx)",
       {"call_id, turn"},
       ExchangeTurnRows},
      {"exchange_responders",
       {{"exchange", "INTEGER NOT NULL"},
        {"ord", "INTEGER NOT NULL"},
        {"responder", "INTEGER NOT NULL"}},
       "PRIMARY KEY (call_id, exchange, ord), FOREIGN KEY (call_id, exchange) REFERENCES exchanges "
       "(call_id, idx), "
       "FOREIGN KEY (call_id, responder) REFERENCES participants (call_id, id)",
       {"call_id, responder"},
       ExchangeResponderRows},
      // Tag tables, one per kind of tag in callscope/tags.h.
      {"metrics",
       Tag({{"idx", "INTEGER NOT NULL"},
            {"metric", "TEXT NOT NULL"},
            {"value", "REAL"},
            {"low", "REAL"},
            {"high", "REAL"},
            {"unit", "TEXT"},
            {"approx", "INTEGER NOT NULL"},
            {"period", "TEXT"},
            {"basis", "TEXT"},
            {"segment", "TEXT"},
            {"share_of", "TEXT"}},
           kQuoted),
       kTagKeys,
       {"metric, period", "call_id, speaker"},
       MetricRows},
      {"metric_comparisons",
       {{"metric", "INTEGER NOT NULL"},
        {"ord", "INTEGER NOT NULL"},
        {"kind", "TEXT NOT NULL"},
        {"type", "TEXT NOT NULL"},
        {"value", "REAL"},
        {"low", "REAL"},
        {"high", "REAL"},
        {"unit", "TEXT"},
        {"period", "TEXT"}},
       "PRIMARY KEY (call_id, metric, ord), FOREIGN KEY (call_id, metric) REFERENCES metrics "
       "(call_id, idx)",
       {},
       MetricComparisonRows},

      {"guidance",
       Tag({{"idx", "INTEGER NOT NULL"},
            {"metric", "TEXT NOT NULL"},
            {"period", "TEXT"},
            {"basis", "TEXT"},
            {"segment", "TEXT"},
            {"low", "REAL"},
            {"high", "REAL"},
            {"unit", "TEXT"},
            {"qualifier", "TEXT"},
            {"revision", "TEXT"},
            {"prior_low", "REAL"},
            {"prior_high", "REAL"},
            {"qualitative", "INTEGER NOT NULL"},
            {"condition", "TEXT"}},
           kQuoted),
       kTagKeys,
       {"metric, period", "revision", "call_id, speaker"},
       GuidanceRows},
      {"hedges",
       Tag({{"idx", "INTEGER NOT NULL"},
            {"category", "TEXT NOT NULL"},
            {"cue", "TEXT NOT NULL"},
            {"rule", "TEXT NOT NULL"}}),
       kTagKeys,
       {"category", "call_id, speaker"},
       HedgeRows},
      {"nonanswers",
       Tag({{"idx", "INTEGER NOT NULL"},
            {"category", "TEXT NOT NULL"},
            {"phrase", "TEXT NOT NULL"},
            {"rule", "TEXT NOT NULL"},
            {"exchange", "INTEGER"}}),
       "PRIMARY KEY (call_id, idx), FOREIGN KEY (call_id, speaker) REFERENCES participants "
       "(call_id, id), "
       "FOREIGN KEY (call_id, turn) REFERENCES turns (call_id, idx), "
       "FOREIGN KEY (call_id, exchange) REFERENCES exchanges (call_id, idx)",
       {"category", "call_id, speaker", "call_id, exchange"},
       NonAnswerRows},
      {"speaker_stats",
       {{"speaker", "INTEGER NOT NULL"},
        {"scope", "TEXT NOT NULL"},
        {"turns", "INTEGER NOT NULL"},
        {"words", "INTEGER NOT NULL"},
        {"hedges", "INTEGER NOT NULL"},
        {"hedges_per_1000_words", "REAL"},
        {"hedges_by_category", "TEXT"},
        {"nonanswers", "INTEGER NOT NULL"},
        {"guidance", "INTEGER NOT NULL"},
        {"metrics", "INTEGER NOT NULL"},
        {"lexicons", "TEXT"}},
       "PRIMARY KEY (call_id, speaker, scope), FOREIGN KEY (call_id, speaker) REFERENCES "
       "participants (call_id, id)",
       {},
       SpeakerStatRows},

      // Inputs that failed, by path; a later run that analyzes the path removes its row.
      {"errors",
       {{"path", "TEXT PRIMARY KEY"}, {"code", "TEXT NOT NULL"}, {"message", "TEXT NOT NULL"}},
       "",
       {},
       nullptr},
  };
  return kTables;
}

}  // namespace callscope::report
