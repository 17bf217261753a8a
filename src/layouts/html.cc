// Transcript web pages saved as HTML. gumbo parses the page; the article text (scripts, styles,
// navigation, asides, ads, cookie banners and footers left out; blocks on their own lines) then
// goes through the same layout detection as a text file. The layout is reported as "html".
#include <gumbo.h>
#include <re2/re2.h>

#include <cstring>

#include "layouts/layout.h"
#include "layouts/text_util.h"

namespace callscope::layouts {
namespace {

bool Skipped(const GumboElement& e) {
  switch (e.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_FORM:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OBJECT:
      return true;
    default: break;
  }
  static const RE2 kBoilerplate(
      R"((?i)(?:^|[\s_-])(?:ad|ads|advert\w*|interad|ad-\w+|cookie\w*|banner|promo\w*|newsletter|related|share|social|sidebar|breadcrumbs?|byline|ticker-tape|paywall|pitch)(?:$|[\s_-]))");
  for (const char* attr : {"class", "id", "role"}) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, attr);
    if (a && RE2::PartialMatch(a->value, kBoilerplate)) return true;
  }
  return false;
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY:
      return true;
    default: return false;
  }
}

void Paragraph(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
  if (out->empty()) return;
  if (out->back() != '\n') out->push_back('\n');
  if (out->size() < 2 || (*out)[out->size() - 2] != '\n') out->push_back('\n');
}

void Walk(const GumboNode* n, std::string* out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
    // Whitespace in HTML text collapses to one space; non-breaking spaces become spaces.
    for (const char* p = n->v.text.text; *p; ++p) {
      bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' ||
                   (static_cast<unsigned char>(p[0]) == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0);
      if (space) {
        if (static_cast<unsigned char>(*p) == 0xC2) ++p;
        if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
      } else {
        out->push_back(*p);
      }
    }
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return;
  if (n->type == GUMBO_NODE_ELEMENT) {
    const GumboElement& e = n->v.element;
    if (Skipped(e)) return;
    if (e.tag == GUMBO_TAG_BR) {
      while (!out->empty() && out->back() == ' ') out->pop_back();
      out->push_back('\n');
      return;
    }
  }
  const GumboVector& kids = n->type == GUMBO_NODE_ELEMENT ? n->v.element.children : n->v.document.children;
  bool block = n->type == GUMBO_NODE_ELEMENT && IsBlock(n->v.element.tag);
  if (block) Paragraph(out);
  for (unsigned i = 0; i < kids.length; ++i) Walk(static_cast<const GumboNode*>(kids.data[i]), out);
  if (block) Paragraph(out);
}

// Curly quotes from entities (&#8217;) to ASCII, as ingest does for text files.
void AsciiQuotes(std::string* s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""}, {"\u2013", "-"}, {"\u2014", "--"}};
  for (auto [from, to] : kMap)
    for (size_t p; (p = s->find(from)) != std::string::npos;) s->replace(p, std::strlen(from), to);
}

thread_local bool tl_inside_html = false;  // a page's text is never read as HTML again

class Html : public Layout {
 public:
  const char* name() const override { return "html"; }
  const char* description() const override {
    return "transcript web pages saved as HTML (gumbo); the article text is detected like any text";
  }
  double Detect(const Doc& doc) const override {
    std::string_view t = doc.text().substr(0, 2048);
    size_t i = t.find_first_not_of(" \t\n\r\f");
    if (tl_inside_html || i == std::string_view::npos || t[i] != '<') return 0;
    static const RE2 kHtml(R"((?i)<(?:!doctype html|html|head|body)\b)");
    return RE2::PartialMatch(t, kHtml) ? 0.99 : 0;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    std::string text;
    GumboOutput* g = gumbo_parse_with_options(&kGumboDefaultOptions, doc.text().data(), doc.text().size());
    Walk(g->document, &text);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    AsciiQuotes(&text);
    Doc inner(text);
    tl_inside_html = true;
    auto parsed = DetectAndParse(inner, "auto");
    tl_inside_html = false;
    if (!parsed.ok()) return parsed.status();
    *out = std::move(*parsed);
    if (out->layout != "none") out->warnings.push_back("HTML page read as " + out->layout + " text");
    out->layout = name();
    if (out->text.empty()) out->text = std::move(text);  // pieces index into the page's text
    return Status::Ok();
  }
};

}  // namespace

const Layout* HtmlLayout() {
  static const Html kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
