// StreetEvents text with the ==== / ---- rules stripped (Thomson 2012-13, Refinitiv 2019-20,
// LSEG 2024 with lowercase "presentation" / "q-and-a" and "Operator,     [n]"). Same headers
// and paragraphs as the edited version, so the parser is shared (streetevents_edited.cc).
#include "layouts/common.h"

namespace callscope::layouts {
namespace {

class StreetEventsPlain : public Layout {
 public:
  const char* name() const override { return "streetevents_plain"; }
  const char* description() const override {
    return "StreetEvents/Refinitiv/LSEG text without rules: section words alone, "
           "'Name, Company - Title [n]' headers";
  }
  double Detect(const Doc& doc) const override {
    int rules = 0;
    int speakers = CountBracketSpeakers(doc, &rules);
    if (speakers < 2) return 0;
    return rules >= 2 ? 0.4 : 0.9;
  }
  Status Parse(const Doc& doc, Parsed* out) const override {
    out->layout = name();
    return ParseStreetEvents(doc, out);
  }
};

}  // namespace

const Layout* StreetEventsPlainLayout() {
  static const StreetEventsPlain kLayout;
  return &kLayout;
}

}  // namespace callscope::layouts
