// The transcript part of the HTML report: every turn by speaker, grouped into prepared remarks
// and Q&A exchanges, with the tags of the rule modules as <mark> highlights that the tables link to.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "report/html.h"

namespace callscope::report::html {
namespace {

std::string Initials(const std::string& name) {
  std::string s;
  bool start = true;
  for (char c : name) {
    if (c == ' ') {
      start = true;
    } else if (start && s.size() < 2 && static_cast<unsigned char>(c) < 0x80) {
      s.push_back(c);
      start = false;
    } else {
      start = false;
    }
  }
  return s.empty() ? "?" : s;
}

// Writes one turn's text as paragraphs. Marks may nest or cross: the text is cut at every mark
// boundary and each piece carries the marks over it, outermost kind first, so the elements
// always nest and a crossing mark is simply split in two.
void AppendTurnText(const std::string& text, const std::vector<const Mark*>& marks, std::string* o) {
  std::set<uint32_t> cuts = {0, static_cast<uint32_t>(text.size())};
  for (const Mark* m : marks) cuts.insert({std::min<uint32_t>(m->start, text.size()), std::min<uint32_t>(m->end, text.size())});
  for (size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1))
    cuts.insert({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
  std::vector<const Mark*> open;
  std::set<const Mark*> anchored;
  auto close_to = [&](size_t keep) {
    while (open.size() > keep) o->append("</mark>"), open.pop_back();
  };
  o->append("<p>");
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    uint32_t b = *it, e = *std::next(it);
    if (e - b == 1 && text[b] == '\n') {
      close_to(0);
      o->append("</p>\n<p>");
      continue;
    }
    std::vector<const Mark*> want;
    for (const Mark* m : marks)
      if (m->start <= b && m->end >= e && m->start < m->end) want.push_back(m);
    std::stable_sort(want.begin(), want.end(), [](const Mark* x, const Mark* y) {
      return x->kind != y->kind ? x->kind < y->kind : x->start != y->start ? x->start < y->start : x->end > y->end;
    });
    size_t same = 0;
    while (same < open.size() && same < want.size() && open[same] == want[same]) ++same;
    close_to(same);
    for (size_t i = same; i < want.size(); ++i) {
      const Mark* m = want[i];
      o->append(fmt::format("<mark class=\"hl hl-{}\"", kKindInfo[m->kind].key));
      if (!m->id.empty() && anchored.insert(m).second) o->append(fmt::format(" id=\"{}\"", m->id));
      if (!m->title.empty()) o->append(" title=\""), AppendEsc(o, m->title), o->push_back('"');
      o->push_back('>');
      open.push_back(m);
    }
    AppendEsc(o, std::string_view(text).substr(b, e - b));
  }
  close_to(0);
  o->append("</p>\n");
}

void AppendTurn(const Analysis& a, const Turn& t, const std::vector<const Mark*>& marks, std::string* o) {
  const Participant& p = a.speaker(t);
  std::string about = p.title;
  if (!p.affiliation.empty()) about += (about.empty() ? "" : ", ") + p.affiliation;
  o->append(fmt::format("<article class=\"turn r-{}{}\" id=\"t{}\" aria-labelledby=\"t{}n\">\n", RoleName(p.role),
                        t.handoff ? " handoff" : "", t.index, t.index));
  o->append(fmt::format("<header><span class=\"av\" aria-hidden=\"true\">{}</span><span class=\"who\" id=\"t{}n\">",
                        Esc(Initials(p.name)), t.index));
  AppendEsc(o, p.name.empty() ? "Unknown speaker" : p.name);
  o->append("</span>");
  if (!about.empty()) o->append(" <span class=\"about\">"), AppendEsc(o, about), o->append("</span>");
  o->append("</header>\n");
  AppendTurnText(t.text, marks, o);
  o->append("</article>\n");
}

}  // namespace

void AppendTranscript(const Analysis& a, const std::vector<Mark>& marks, std::string* o) {
  std::map<int, std::vector<const Mark*>> by_turn;
  for (const auto& m : marks) by_turn[m.turn].push_back(&m);
  // An exchange runs from its first turn to its last; hand-offs between stay inside it.
  std::map<int, const Exchange*> first, last;
  for (const auto& e : a.exchanges) {
    if (e.turns.empty()) continue;
    first[*std::min_element(e.turns.begin(), e.turns.end())] = &e;
    last[*std::max_element(e.turns.begin(), e.turns.end())] = &e;
  }
  static const std::vector<const Mark*> kNone;
  int section = -1;
  bool in_exchange = false;
  for (const auto& t : a.turns) {
    if (static_cast<int>(t.section) != section) {
      if (in_exchange) o->append("</section>\n"), in_exchange = false;
      if (section >= 0) o->append("</section>\n");
      section = static_cast<int>(t.section);
      bool qa = t.section == Section::kQa;
      o->append(fmt::format("<section class=\"part\" id=\"{}\" aria-labelledby=\"h-{}\">\n<h3 id=\"h-{}\">{}</h3>\n",
                            SectionName(t.section), SectionName(t.section), SectionName(t.section),
                            qa ? "Questions and answers" : "Prepared remarks"));
    }
    if (auto f = first.find(t.index); f != first.end() && !in_exchange) {
      const Exchange& e = *f->second;
      const Participant& an = a.participants[e.analyst];
      o->append(fmt::format("<section class=\"exchange\" id=\"x{}\" aria-labelledby=\"x{}h\">\n<h4 id=\"x{}h\">"
                            "<span class=\"xn\">Exchange {}</span> ",
                            e.index + 1, e.index + 1, e.index + 1, e.index + 1));
      AppendEsc(o, an.name);
      if (!an.affiliation.empty()) o->append(" <span class=\"about\">"), AppendEsc(o, an.affiliation), o->append("</span>");
      o->append("</h4>\n");
      in_exchange = true;
    }
    auto bt = by_turn.find(t.index);
    AppendTurn(a, t, bt == by_turn.end() ? kNone : bt->second, o);
    if (in_exchange && last.count(t.index)) o->append("</section>\n"), in_exchange = false;
  }
  if (in_exchange) o->append("</section>\n");
  if (section >= 0) o->append("</section>\n");
  if (a.turns.empty()) o->append("<p class=\"empty\">This call has no turns.</p>\n");
}

}  // namespace callscope::report::html
