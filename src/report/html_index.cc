// `batch --html-dir DIR`: one HTML report per call (DIR/<input stem>.html, each written
// atomically) and, at the end of the run, DIR/index.html listing every call with its tag counts
// and every input that failed. Calls arrive in input order, so the index is byte-stable.
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "report/html.h"
#include "report/report.h"

namespace callscope::report {
namespace {

using html::AppendEsc;

// "calls/2008/JNPR Q3.txt" -> "JNPR_Q3": the file name without directories and extension, safe
// for any file system and URL; "-2", "-3" ... when two inputs share a stem.
std::string Stem(const std::string& path) {
  std::string base = path.substr(path.find_last_of('/') + 1);
  if (size_t dot = base.rfind('.'); dot != std::string::npos && dot > 0) base.resize(dot);
  std::string s;
  for (char c : base) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    s.push_back(ok ? c : '_');
  }
  if (s.empty() || s == "index" || s[0] == '.') s = "call_" + s;
  return s;
}

struct Row {
  std::string file;  // the page, relative to the index
  std::string company, ticker, period, date, source;
  size_t turns = 0, exchanges = 0, count[html::kKinds] = {};
};

class HtmlDirSink : public Sink {
 public:
  explicit HtmlDirSink(std::string dir) : dir_(std::move(dir)) {}

  Status Write(const Analysis& a) override {
    std::string stem = Stem(a.source.path), name = stem;
    for (int n = 2; !used_.insert(name).second; ++n) name = fmt::format("{}-{}", stem, n);
    Row r{name + ".html", a.call.company, a.call.ticker, a.call.fiscal_period, a.call.date, a.source.path};
    r.turns = a.turns.size(), r.exchanges = a.exchanges.size();
    for (int k = 0; k < html::kKinds; ++k) r.count[k] = html::TagCount(a, static_cast<html::Kind>(k));
    if (Status s = WriteFile(r.file, HtmlReport(a)); !s.ok()) return s;
    rows_.push_back(std::move(r));
    return Status::Ok();
  }

  Status WriteError(const std::string& path, const Status& error) override {
    failed_.emplace_back(path, error.message());
    return Status::Ok();
  }

  Status Finish() override { return WriteFile("index.html", Index()); }

 private:
  Status WriteFile(const std::string& name, const std::string& bytes) {
    auto out = Output::Open(dir_ + "/" + name);
    if (!out.ok()) return out.status();
    if (Status s = (*out)->Write(bytes); !s.ok()) return s;
    return (*out)->Commit();
  }

  std::string Index() const {
    std::string o;
    html::AppendHead("Calls \u2014 callscope", &o);
    o.append(fmt::format("<header class=\"call\">\n<p class=\"brand\">callscope \u00b7 batch report</p>\n<h1>{} calls</h1>\n",
                         rows_.size()));
    size_t total[html::kKinds] = {};
    for (const auto& r : rows_)
      for (int k = 0; k < html::kKinds; ++k) total[k] += r.count[k];
    o.append("<ul class=\"tiles\" aria-label=\"All calls in numbers\">");
    for (int k = 0; k < html::kKinds; ++k)
      o.append(fmt::format("<li class=\"k-{}\"><b>{}</b> {}</li>", html::kKindInfo[k].key, total[k], html::kKindInfo[k].label));
    o.append(fmt::format("<li><b>{}</b> failed inputs</li></ul>\n</header>\n<main>\n", failed_.size()));
    o.append("<section id=\"calls\" aria-labelledby=\"h-calls\">\n<h2 id=\"h-calls\">Calls</h2>\n");
    if (rows_.empty()) o.append("<p class=\"empty\">No call was analyzed.</p>\n");
    else {
      o.append("<div class=\"scroll\"><table class=\"calls\">\n<thead><tr><th scope=\"col\">Company</th><th scope=\"col\">Period</th><th scope=\"col\">Date</th>"
               "<th scope=\"col\" class=\"num\">Turns</th><th scope=\"col\" class=\"num\">Exchanges</th>");
      for (int k = 0; k < html::kKinds; ++k) o.append(fmt::format("<th scope=\"col\" class=\"num\">{}</th>", html::kKindInfo[k].label));
      o.append("</tr></thead>\n<tbody>\n");
      for (const auto& r : rows_) {
        o.append("<tr><th scope=\"row\"><a href=\""), AppendEsc(&o, r.file), o.append("\">");
        AppendEsc(&o, r.company.empty() ? r.source : r.company);
        o.append("</a>");
        if (!r.ticker.empty()) o.append(" <span class=\"muted\">"), AppendEsc(&o, r.ticker), o.append("</span>");
        if (!r.company.empty()) o.append("<span class=\"firm\">"), AppendEsc(&o, r.source), o.append("</span>");
        o.append("</th><td>");
        AppendEsc(&o, r.period), o.append("</td><td>"), AppendEsc(&o, r.date);
        o.append(fmt::format("</td><td class=\"num\">{}</td><td class=\"num\">{}</td>", r.turns, r.exchanges));
        for (int k = 0; k < html::kKinds; ++k) o.append(fmt::format("<td class=\"num\">{}</td>", r.count[k]));
        o.append("</tr>\n");
      }
      o.append("</tbody>\n</table></div>\n");
    }
    o.append("</section>\n");
    if (!failed_.empty()) {
      o.append("<section id=\"failed\" aria-labelledby=\"h-failed\">\n<h2 id=\"h-failed\">Failed inputs</h2>\n<ul>\n");
      for (const auto& [path, why] : failed_) {
        o.append("<li><code>"), AppendEsc(&o, path), o.append("</code>: "), AppendEsc(&o, why), o.append("</li>\n");
      }
      o.append("</ul>\n</section>\n");
    }
    o.append("</main>\n");
    html::AppendTail(&o);
    return o;
  }

  std::string dir_;
  std::set<std::string> used_;
  std::vector<Row> rows_;
  std::vector<std::pair<std::string, std::string>> failed_;
};

}  // namespace

Result<std::unique_ptr<Sink>> OpenHtmlDirSink(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST)
    return Status(Code::kOutput, dir + ": cannot create directory: " + std::strerror(errno));
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return Status(Code::kOutput, dir + ": not a directory");
  return std::unique_ptr<Sink>(std::make_unique<HtmlDirSink>(dir));
}

}  // namespace callscope::report
