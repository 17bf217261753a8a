// The HTML report: one self-contained page per call (inline CSS, JS and SVG; nothing fetched),
// laid out like the text report: header, guidance, speakers, exchanges, metrics, then the whole
// transcript with the tags highlighted. Byte-stable, so a golden file can hold it.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "report/html.h"
#include "report/report.h"

namespace callscope::report {
namespace {

using html::AppendEsc;
using html::Esc;

// "gross_margin" -> "Gross margin", "eps" -> "EPS".
std::string Pretty(const std::string& key) {
  static const char* kUpper[] = {"eps", "ebit", "ebitda", "capex", "opex", "dso", "fcf", "arpu", "roe", "roa", "nim", "gaap"};
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    bool up = std::any_of(std::begin(kUpper), std::end(kUpper), [&](const char* u) { return word == u; });
    if (up) std::transform(word.begin(), word.end(), word.begin(), [](char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; });
    else if (out.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
    out += (out.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : key) c == '_' ? flush() : word.push_back(c);
  flush();
  return out;
}

std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = s.rfind(' ', max - 1);
  if (cut == std::string_view::npos || cut < max / 2) {
    cut = max - 1;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(s.substr(0, cut)) + "\u2026";
}

// The analyst's question, as in the text report: the first sentence with a '?' in their first
// turn, else its first sentence that is more than a greeting.
std::string Gist(const Analysis& a, const Exchange& e) {
  if (e.turns.empty()) return {};
  int first = e.turns.front();
  std::string_view fallback;
  for (const auto& s : a.sentences) {
    if (s.turn != first) continue;
    std::string_view text = std::string_view(a.turns[first].text).substr(s.begin, s.end - s.begin);
    if (text.find('?') != std::string_view::npos) return Clip(text, 160);
    if (fallback.empty() && html::Words(text) > 4) fallback = text;
  }
  return Clip(fallback.empty() ? std::string_view(a.turns[first].text) : fallback, 160);
}

std::string Name(const Analysis& a, int id) {
  return id >= 0 && id < static_cast<int>(a.participants.size()) ? a.participants[id].name : std::string();
}

void Heading(std::string* o, const char* id, const std::string& title, size_t n) {
  o->append(fmt::format("<section id=\"{}\" aria-labelledby=\"h-{}\">\n<h2 id=\"h-{}\">{} <span class=\"count\">{}</span></h2>\n",
                        id, id, id, title, n));
}

void AppendHeader(const Analysis& a, std::string* o) {
  const Call& c = a.call;
  o->append("<header class=\"call\">\n<p class=\"brand\">callscope \u00b7 earnings call report</p>\n<h1>");
  AppendEsc(o, c.company.empty() ? "Unknown company" : c.company);
  if (!c.ticker.empty()) o->append(" <span class=\"ticker\">"), AppendEsc(o, c.ticker), o->append("</span>");
  o->append("</h1>\n");
  if (!c.title.empty()) o->append("<p class=\"title\">"), AppendEsc(o, c.title), o->append("</p>\n");
  o->append("<dl class=\"facts\">");
  auto fact = [&](const char* k, const std::string& v) {
    o->append(fmt::format("<div><dt>{}</dt><dd>", k)), AppendEsc(o, v), o->append("</dd></div>");
  };
  fact("Date", c.date.empty() ? "unknown" : c.date);
  fact("Period", c.fiscal_period.empty() ? "unknown" : c.fiscal_period);
  fact("Layout", fmt::format("{} ({:.2f})", a.source.layout, a.source.layout_confidence));
  fact("Source", fmt::format("{}, {} bytes, {}", a.source.path, a.source.bytes, a.source.encoding));
  o->append("</dl>\n");
  size_t words = 0, qa = 0;
  for (const auto& t : a.turns) words += html::Words(t.text), qa += t.section == Section::kQa;
  size_t count[html::kKinds] = {};
  for (int k = 0; k < html::kKinds; ++k) count[k] = html::TagCount(a, static_cast<html::Kind>(k));
  o->append("<ul class=\"tiles\" aria-label=\"The call in numbers\">");
  auto tile = [&](const char* cls, size_t n, const char* label) {
    o->append(fmt::format("<li class=\"{}\"><b>{}</b> {}</li>", cls, n, label));
  };
  tile("", a.participants.size(), "participants");
  tile("", words, "words");
  tile("", a.exchanges.size(), "Q&amp;A exchanges");
  tile("k-guidance", count[html::kGuidance], "guidance items");
  tile("k-metric", count[html::kMetric], "metrics");
  tile("k-hedge", count[html::kHedge], "hedges");
  tile("k-nonanswer", count[html::kNonAnswer], "non-answers");
  o->append("</ul>\n");
  for (const auto& w : a.warnings) o->append("<p class=\"warning\" role=\"note\">Warning: "), AppendEsc(o, w), o->append("</p>\n");
  o->append("</header>\n");
}

void AppendNav(std::string* o) {
  o->append("<nav aria-label=\"Report sections\"><ul>");
  for (auto [id, label] : {std::pair{"guidance", "Guidance"}, {"speakers", "Speakers"}, {"exchanges", "Exchanges"},
                           {"metrics", "Metrics"}, {"transcript", "Transcript"}})
    o->append(fmt::format("<li><a href=\"#{}\">{}</a></li>", id, label));
  o->append("</ul></nav>\n");
}

// Guidance first: what management expects, each row linked to the sentence that says it.
void AppendGuidance(const Analysis& a, std::string* o) {
  const auto& gs = a.tags.guidance;
  Heading(o, "guidance", "Guidance", gs.size());
  if (gs.empty()) {
    o->append("<p class=\"empty\">No guidance was found in this call.</p>\n</section>\n");
    return;
  }
  o->append("<table class=\"guidance\">\n<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Period</th>"
            "<th scope=\"col\" class=\"num\">Guidance</th><th scope=\"col\">Change</th><th scope=\"col\">Basis</th>"
            "<th scope=\"col\">Said by</th></tr></thead>\n<tbody>\n");
  static const std::map<std::string, const char*> kArrow = {
      {"raised", "\u25b2"}, {"lowered", "\u25bc"}, {"reaffirmed", "\u25cf"}, {"withdrawn", "\u2715"}, {"declined", "\u2205"}, {"narrowed", "\u2194"}};
  for (size_t i = 0; i < gs.size(); ++i) {
    const Guidance& g = gs[i];
    std::string what = Pretty(g.metric);
    if (!g.segment.empty()) what += " \u00b7 " + g.segment;
    o->append(fmt::format("<tr><th scope=\"row\"><a href=\"#{}\">", html::GuidanceAnchor(a, i))), AppendEsc(o, what);
    o->append("</a></th><td>"), AppendEsc(o, g.period.empty() ? "\u2013" : g.period), o->append("</td><td class=\"num\">");
    if (g.qualitative || std::isnan(g.low)) {
      o->append("<span class=\"muted\">qualitative</span>");
    } else {
      if (!g.qualifier.empty()) o->append("<span class=\"muted\">"), AppendEsc(o, g.qualifier), o->append("</span> ");
      o->append("<b>"), AppendEsc(o, html::Amount(g.low, g.low, g.high, g.unit)), o->append("</b>");
    }
    o->append("</td><td>");
    if (!g.revision.empty()) {
      auto arrow = kArrow.find(g.revision);
      o->append(fmt::format("<span class=\"rev rev-{}\">", Esc(g.revision)));
      if (arrow != kArrow.end()) o->append(fmt::format("<span aria-hidden=\"true\">{}</span> ", arrow->second));
      AppendEsc(o, g.revision), o->append("</span>");
      if (!std::isnan(g.prior_low))
        o->append(" from "), AppendEsc(o, html::Amount(g.prior_low, g.prior_low, g.prior_high, g.unit));
    }
    if (!g.condition.empty()) o->append("<span class=\"cond\">"), AppendEsc(o, g.condition), o->append("</span>");
    o->append("</td><td>"), AppendEsc(o, g.basis), o->append("</td><td>"), AppendEsc(o, Name(a, g.speaker));
    o->append("</td></tr>\n");
  }
  o->append("</tbody>\n</table>\n</section>\n");
}

void AppendSpeakers(const Analysis& a, const std::vector<html::SpeakerStat>& stats, std::string* o) {
  Heading(o, "speakers", "Speakers", stats.size());
  html::AppendSpeakerChart(a, stats, o);
  o->append("<details class=\"data\"><summary>Speaker table</summary>\n<table>\n<caption>Participants who spoke</caption>\n"
            "<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\">Role</th><th scope=\"col\">Firm</th>"
            "<th scope=\"col\" class=\"num\">Turns</th><th scope=\"col\" class=\"num\">Words</th>"
            "<th scope=\"col\" class=\"num\">Hedges / 1,000 words</th><th scope=\"col\" class=\"num\">Non-answers</th></tr></thead>\n<tbody>\n");
  for (const auto& s : stats) {
    const Participant& p = a.participants[s.participant];
    o->append("<tr><th scope=\"row\">"), AppendEsc(o, p.name), o->append("</th><td>");
    AppendEsc(o, p.title.empty() ? RoleName(p.role) : p.title);
    o->append("</td><td>"), AppendEsc(o, p.affiliation);
    o->append(fmt::format("</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1f}</td>"
                          "<td class=\"num\">{}</td></tr>\n",
                          s.turns, s.words, s.hedge_rate(), s.nonanswers));
  }
  o->append("</tbody>\n</table>\n</details>\n</section>\n");
}

void AppendExchanges(const Analysis& a, std::string* o) {
  Heading(o, "exchanges", "Q&amp;A exchanges", a.exchanges.size());
  if (a.exchanges.empty()) {
    o->append("<p class=\"empty\">This call has no question-and-answer exchanges.</p>\n</section>\n");
    return;
  }
  o->append("<table class=\"exchanges\">\n<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Analyst</th>"
            "<th scope=\"col\">Question</th><th scope=\"col\">Answered by</th><th scope=\"col\">Non-answers</th></tr></thead>\n<tbody>\n");
  for (const auto& e : a.exchanges) {
    const Participant& an = a.participants[e.analyst];
    o->append(fmt::format("<tr><td class=\"num\"><a href=\"#x{}\" aria-label=\"Exchange {} in the transcript\">{}</a></td>"
                          "<th scope=\"row\">", e.index + 1, e.index + 1, e.index + 1));
    AppendEsc(o, an.name);
    if (!an.affiliation.empty()) o->append("<span class=\"firm\">"), AppendEsc(o, an.affiliation), o->append("</span>");
    o->append("</th><td class=\"gist\">"), AppendEsc(o, Gist(a, e)), o->append("</td><td>");
    std::string who;
    for (int r : e.responders) who += (who.empty() ? "" : ", ") + Name(a, r);
    if (who.empty()) o->append("<span class=\"flag\">no answer</span>");
    else AppendEsc(o, who);
    o->append("</td><td>");
    bool any = false;
    for (size_t i = 0; i < a.tags.nonanswers.size(); ++i) {
      const NonAnswer& na = a.tags.nonanswers[i];
      if (na.exchange != e.index) continue;
      o->append(fmt::format("{}<a class=\"flag\" href=\"#n{}\">", any ? " " : "", i + 1));
      AppendEsc(o, na.category), o->append("</a>");
      any = true;
    }
    if (!any) o->append("<span class=\"none\">none</span>");
    o->append("</td></tr>\n");
  }
  o->append("</tbody>\n</table>\n</section>\n");
}

void AppendMetrics(const Analysis& a, std::string* o) {
  const auto& ms = a.tags.metrics;
  Heading(o, "metrics", "Metrics", ms.size());
  if (ms.empty()) {
    o->append("<p class=\"empty\">No metrics were found in this call.</p>\n</section>\n");
    return;
  }
  o->append(fmt::format("<details class=\"data\"><summary>All {} metrics said in the call</summary>\n<table class=\"metrics\">\n"
                        "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Period</th>"
                        "<th scope=\"col\">Basis</th><th scope=\"col\">Comparisons</th><th scope=\"col\">Speaker</th></tr></thead>\n<tbody>\n",
                        ms.size()));
  for (size_t i = 0; i < ms.size(); ++i) {
    const Metric& m = ms[i];
    std::string what = Pretty(m.metric);
    if (!m.segment.empty()) what += " \u00b7 " + m.segment;
    if (!m.share_of.empty()) what += " (of " + m.share_of + ")";
    std::string cmp;
    for (const auto& c : m.comparisons) {
      std::string v = html::Amount(c.value, c.Range() ? c.low : c.value, c.Range() ? c.high : c.value, c.unit);
      if (c.type != "from" && c.value >= 0) v = "+" + v;
      cmp += (cmp.empty() ? "" : ", ") + c.kind + " " + (c.type == "from" ? "from " : "") + v;
    }
    o->append(fmt::format("<tr><th scope=\"row\"><a href=\"#m{}\">", i + 1)), AppendEsc(o, what);
    o->append("</a></th><td class=\"num\">"), AppendEsc(o, html::Amount(m.value, m.low, m.high, m.unit));
    if (m.approx) o->append(" <span class=\"muted\">approx.</span>");
    o->append("</td><td>"), AppendEsc(o, m.period), o->append("</td><td>"), AppendEsc(o, m.basis);
    o->append("</td><td>"), AppendEsc(o, cmp), o->append("</td><td>"), AppendEsc(o, Name(a, m.speaker));
    o->append("</td></tr>\n");
  }
  o->append("</tbody>\n</table>\n</details>\n</section>\n");
}

void AppendLegend(const Analysis& a, std::string* o) {
  size_t count[html::kKinds] = {};
  for (int k = 0; k < html::kKinds; ++k) count[k] = html::TagCount(a, static_cast<html::Kind>(k));
  o->append("<fieldset class=\"legend\">\n<legend>Highlights</legend>\n");
  for (int k = 0; k < html::kKinds; ++k) {
    const auto& info = html::kKindInfo[k];
    o->append(fmt::format(
        "<label class=\"toggle\"><input type=\"checkbox\" checked data-kind=\"{}\" aria-controls=\"tx\" "
        "aria-label=\"Highlight {} ({})\"> <span class=\"hl hl-{}\">{}</span> <span class=\"n\">{}</span>"
        "<span class=\"what\">{}</span></label>\n",
        info.key, info.label, count[k], info.key, info.label, count[k], info.what));
  }
  o->append("</fieldset>\n");
}

}  // namespace

std::string HtmlReport(const Analysis& a) {
  std::vector<html::Mark> marks = html::CollectMarks(a);
  std::vector<html::SpeakerStat> stats = html::SpeakerStats(a);
  std::string o;
  o.reserve(a.source.bytes * 2 + 32768);
  std::string title = a.call.company.empty() ? "Unknown company" : a.call.company;
  if (!a.call.fiscal_period.empty()) title += " " + a.call.fiscal_period;
  html::AppendHead(title + " \u2014 callscope report", &o);
  o.append("<a class=\"skip\" href=\"#transcript\">Skip to the transcript</a>\n");
  AppendHeader(a, &o);
  AppendNav(&o);
  o.append("<main>\n");
  AppendGuidance(a, &o);
  AppendSpeakers(a, stats, &o);
  AppendExchanges(a, &o);
  AppendMetrics(a, &o);
  Heading(&o, "transcript", "Transcript", a.turns.size());
  AppendLegend(a, &o);
  o.append("<div id=\"tx\" class=\"tx\">\n");
  html::AppendTranscript(a, marks, &o);
  o.append("</div>\n</section>\n</main>\n<footer><p>Made by callscope from ");
  AppendEsc(&o, a.source.path);
  o.append(fmt::format(" (sha256 {}).</p></footer>\n", Esc(a.source.sha256.substr(0, 16))));
  html::AppendTail(&o);
  return o;
}

namespace {
class HtmlSink : public Sink {
 public:
  explicit HtmlSink(Output* out) : out_(out) {}
  Status Write(const Analysis& a) override {
    if (n_++) return Status(Code::kUsage, "an HTML report holds one call");
    return out_->Write(HtmlReport(a));
  }
  Status Finish() override { return Status::Ok(); }

 private:
  Output* out_;
  size_t n_ = 0;
};
}  // namespace

std::unique_ptr<Sink> MakeHtmlSink(Output* out) { return std::make_unique<HtmlSink>(out); }

}  // namespace callscope::report
