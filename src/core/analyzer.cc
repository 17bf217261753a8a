// The glue of the pipeline: ingest -> layouts -> segment -> rules. No stage logic lives here.
#include <re2/re2.h>
#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <optional>

#include "callscope/callscope.h"
#include "core/timing.h"
#include "ingest/ingest.h"
#include "layouts/layout.h"
#include "layouts/text_util.h"
#include "rules/engine.h"
#include "rules/modules/speakers.h"
#include "segment/segment.h"

namespace callscope {

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kUsage: return "usage";
    case Code::kUnreadable: return "unreadable";
    case Code::kBadInput: return "bad_input";
    case Code::kNotTranscript: return "not_transcript";
    case Code::kRules: return "rules";
    case Code::kOutput: return "output";
    case Code::kInternal: return "internal";
    case Code::kSystem: return "system";
  }
  return "internal";
}

const char* RoleName(Role r) {
  switch (r) {
    case Role::kOperator: return "operator";
    case Role::kExecutive: return "executive";
    case Role::kAnalyst: return "analyst";
    case Role::kOther: return "other";
  }
  return "other";
}

const char* SectionName(Section s) { return s == Section::kQa ? "qa" : "presentation"; }

std::vector<LayoutInfo> Layouts() {
  std::vector<LayoutInfo> out;
  for (const auto* l : layouts::Registry()) out.push_back({l->name(), l->description()});
  return out;
}

struct Analyzer::Impl {
  Options options;
  std::unique_ptr<rules::Engine> rules;  // compiled once, read-only: shared by every thread

  Result<Analysis> Prepare(std::string_view bytes, std::string_view path) const;
  void Finish(std::vector<Result<Analysis>>* calls) const;
};

namespace {

// Why a text with no speaker turns is not a call, in words a user can act on.
std::string NotTranscriptReason(std::string_view text) {
  static const RE2 kEarnings(
      R"((?i)\b(?:reports?|reported|announce[sd]?)\b.{0,80}\b(?:results|earnings|revenues?)\b|\bper (?:diluted )?share\b)");
  static const RE2 kFiling(
      R"((?i)\b(?:prospectus|form (?:424B\d|10-?K|10-?Q|8-?K|S-\d|20-?F|6-?K|DEF 14A)|registration statement|indenture)\b)");
  // a call's words without who said them (a summarization dataset's sentences, say): two spoken
  // turns of phrase, which releases and filings do not use
  static const RE2 kSpoken(
      R"((?i)\b(?:good (?:morning|afternoon|evening)|thank you.{0,20}for joining|joining us|(?:on|after|during|in) (?:today's|this|the) call|turn (?:the call|it) over|(?:next|first) question|(?:my|our|opening|prepared) (?:prepared )?remarks|I(?:'ll| will) (?:now |then |also )?(?:review|discuss|turn|cover|talk|provide|start|begin|walk)|as (?:I|we) (?:said|mentioned|noted|discussed))\b)");
  std::string_view head = text.substr(0, 20000);
  re2::StringPiece spoken(head.data(), head.size());
  int turns_of_phrase = 0;
  while (turns_of_phrase < 2 && RE2::FindAndConsume(&spoken, kSpoken)) ++turns_of_phrase;
  if (turns_of_phrase == 2)
    return "not an earnings-call transcript: no speaker turns (it reads like a call's words without who "
           "said them; --document analyzes it as a speaker-less document)";
  if (RE2::PartialMatch(text.substr(0, 3000), kFiling))
    return "not an earnings-call transcript: no speaker turns (it reads like a securities filing)";
  if (RE2::PartialMatch(head, kEarnings))
    return "not an earnings-call transcript: no speaker turns (it reads like an earnings press release; "
           "--document analyzes it as a speaker-less document)";
  return "not an earnings-call transcript: no speaker turns or call sections found";
}

// A press release names its company, ticker and date in the dateline:
// "SUNNYVALE, Calif., January 24, 2008 - Juniper Networks, Inc. (NASDAQ: JNPR) today reported ..."
void DocumentMeta(std::string_view text, Call* call) {
  static const RE2 kDateline(
      R"(([A-Z][a-z]+\.? \d{1,2}, (?:19|20)\d\d) *-+ *([A-Z][\w.,&' -]{1,80}?),? \((?:NASDAQ|NYSE|Nasdaq|NYSE American|AMEX|TSX|LSE)[^:)]*: ?([A-Z.]{1,8})\))");
  std::string date, company, ticker;
  if (RE2::PartialMatch(text.substr(0, 20000), kDateline, &date, &company, &ticker)) {
    call->date = layouts::ParseDate(date);
    call->company = company;
    call->ticker = ticker;
  }
  static const RE2 kPeriod(R"((?i)\b(first|second|third|fourth) quarter(?: (?:and|&) (?:full|fiscal) year)?(?: (?:of )?(?:fiscal )?)((?:19|20)\d\d)\b)");
  std::string nth;
  int year = 0;
  std::string_view head = text.substr(0, 5000);
  if (RE2::PartialMatch(head, kPeriod, &nth, &year)) layouts::SetWordQuarter(nth, year, call);
  else layouts::YearFirstQuarter(head, call);  // "the Acme Fiscal Year 2023 First Quarter ... Call"
}

void AsDocument(const std::string& text, Analysis* a) {
  a->kind = DocKind::kDocument;
  a->source.layout = "document";
  DocumentMeta(text, &a->call);
  Participant p;
  p.name = "Document";
  a->participants.push_back(p);
  layouts::RawTurn rt;
  rt.pieces.push_back({0, static_cast<uint32_t>(text.size())});
  Turn t;
  t.text = segment::JoinPieces(text, rt);
  // Markdown residue from converters: "\\$809.2M", "**bold**". One pass: erasing each find from
  // the start was quadratic (a 2.6 MB document of "**" took 53 s).
  std::string clean;
  clean.reserve(t.text.size());
  for (char c : t.text) {
    if (c == '$')
      while (!clean.empty() && clean.back() == '\\') clean.pop_back();  // "\\$" -> "$"
    if (c == '*' && !clean.empty() && clean.back() == '*') {
      clean.pop_back();  // "**" -> "", as often as it occurs
      continue;
    }
    clean.push_back(c);
  }
  t.text = std::move(clean);
  t.end = static_cast<uint32_t>(text.size());
  a->turns.push_back(std::move(t));
}

}  // namespace

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;
const Options& Analyzer::options() const { return impl_->options; }

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (options.layout != "auto") {
    bool known = false;
    for (const auto* l : layouts::Registry()) known |= options.layout == l->name();
    if (!known) return Status(Code::kUsage, "unknown layout '" + options.layout + "' (see: callscope layouts)");
  }
  // A mistyped --rules DIR must not silently fall back to the built-in packs.
  struct stat rst {};
  if (!options.rules_dir.empty() && (::stat(options.rules_dir.c_str(), &rst) != 0 || !S_ISDIR(rst.st_mode)))
    return Status(Code::kUsage, "--rules " + options.rules_dir + ": not a directory");
  auto engine = rules::Engine::Load(options.rules_dir);
  if (!engine.ok()) return engine.status();
  impl->rules = std::move(*engine);
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(impl)));
}

// Everything before the rules: decode, layout, segment, sentences.
Result<Analysis> Analyzer::Impl::Prepare(std::string_view bytes, std::string_view path) const {
  const Options& o = options;
  if (bytes.size() > o.max_bytes)
    return Status(Code::kBadInput, "file is " + std::to_string(bytes.size()) + " bytes, over the --max-bytes limit of " +
                                       std::to_string(o.max_bytes));
  static const int kDecode = timing::Slot("ingest"), kHash = timing::Slot("sha256"),
                   kLayout = timing::Slot("layout"), kSegment = timing::Slot("segment"),
                   kSentences = timing::Slot("sentences");
  auto text = [&] {
    timing::Scope t(kDecode);
    return ingest::Decode(bytes);
  }();
  if (!text.ok()) return text.status();
  Analysis a;
  a.source.path = std::string(path);
  a.source.bytes = bytes.size();
  {
    timing::Scope t(kHash);
    a.source.sha256 = ingest::Sha256Hex(bytes);
  }
  a.source.encoding = text->encoding;
  std::optional<timing::Scope> stage(std::in_place, kLayout);
  layouts::Doc doc(text->utf8);
  auto parsed = layouts::DetectAndParse(doc, o.layout);
  if (!parsed.ok()) return parsed.status();
  stage.emplace(kSegment);
  a.source.layout = parsed->layout;
  a.source.layout_confidence = parsed->confidence;
  a.call = parsed->meta;
  a.warnings = parsed->warnings;
  segment::BuildTurns(text->utf8, *parsed, &a);
  size_t voices = 0;
  for (const auto& p : a.participants) voices += p.role != Role::kOperator;
  if (a.turns.size() < 2 || voices < 1) {
    // A format with no speakers at all (earningscall's flat text) is one block, with a warning.
    if (!o.allow_document && !parsed->speakerless)
      return Status(Code::kNotTranscript, NotTranscriptReason(text->utf8));
    a = Analysis{std::move(a.source), std::move(a.call)};
    AsDocument(parsed->text.empty() ? text->utf8 : parsed->text, &a);
    if (parsed->speakerless) a.source.layout = parsed->layout, a.warnings = parsed->warnings;
  } else {
    segment::AssignRoles(&a);
    segment::RealignQaStart(&a);
    segment::BuildExchanges(&a);
    if (!parsed->qa_heading && a.exchanges.empty() && a.call.fiscal_period.empty())
      a.warnings.push_back("no Q&A section found");
  }
  layouts::PeriodFromFileName(path, &a.call);
  stage.emplace(kSentences);
  segment::SplitSentences(&a);
  return a;
}

static Status OutOfMemory() { return Status(Code::kSystem, "out of memory"); }

Result<Analysis> Analyzer::Analyze(std::string_view bytes, std::string_view path) const {
  try {
    std::vector<Result<Analysis>> one;
    one.push_back(impl_->Prepare(bytes, path));
    impl_->Finish(&one);
    return std::move(one.front());
  } catch (const std::bad_alloc&) {
    return OutOfMemory();
  }
}

std::vector<Result<Analysis>> Analyzer::AnalyzeMany(std::span<const Input> inputs) const {
  std::vector<Result<Analysis>> out;
  try {
    out.reserve(inputs.size());
    for (const Input& in : inputs) out.push_back(impl_->Prepare(in.bytes, in.path));
    impl_->Finish(&out);
  } catch (const std::bad_alloc&) {  // one at a time, so that only the call too big fails
    out.clear();
    for (const Input& in : inputs) out.push_back(Analyze(in.bytes, in.path));
  }
  return out;
}

// The rules over every prepared call at once, then the per-speaker counts.
void Analyzer::Impl::Finish(std::vector<Result<Analysis>>* calls) const {
  static const int kSpeakers = timing::Slot("speaker counts");
  std::vector<Analysis*> ok;
  for (auto& r : *calls)
    if (r.ok()) ok.push_back(&r.value());
  rules->Run(std::span<Analysis* const>(ok));  // times each module itself
  timing::Scope t(kSpeakers);
  for (Analysis* a : ok) rules::ComputeSpeakers(a);
}

Result<Analysis> Analyzer::AnalyzeFile(const std::string& path) const {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return Status(Code::kUnreadable, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status(Code::kUnreadable, "is a directory");
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode))
    return Status(Code::kUnreadable, "not a regular file");
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > impl_->options.max_bytes)
    return Status(Code::kBadInput, "file is " + std::to_string(st.st_size) + " bytes, over the --max-bytes limit of " +
                                       std::to_string(impl_->options.max_bytes));
  std::unique_ptr<FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) return Status(Code::kUnreadable, std::strerror(errno));
  std::string bytes;
  char buf[1 << 16];
  size_t n;
  try {  // (the read itself can be too big for the memory at hand)
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size));
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
      bytes.append(buf, n);
      if (bytes.size() > impl_->options.max_bytes)
        return Status(Code::kBadInput, "input is over the --max-bytes limit of " + std::to_string(impl_->options.max_bytes));
    }
  } catch (const std::bad_alloc&) {
    return OutOfMemory();
  }
  if (std::ferror(f.get())) return Status(Code::kUnreadable, std::string("read error: ") + std::strerror(errno));
  return Analyze(bytes, path);
}

}  // namespace callscope
