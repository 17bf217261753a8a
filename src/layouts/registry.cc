// The layout registry and the detector: every layout scores the text, the best one parses.
#include <algorithm>

#include "layouts/layout.h"

namespace callscope::layouts {

const Layout* StreetEventsFinalLayout();
const Layout* StreetEventsEditedLayout();
const Layout* StreetEventsPlainLayout();
const Layout* RefinitivPdfLayout();
const Layout* FactSetLayout();
const Layout* SeekingAlphaLayout();
const Layout* MotleyFoolTextLayout();
const Layout* MotleyFoolJsonLayout();
const Layout* EarningsCallJsonLayout();
const Layout* GenericJsonLayout();
const Layout* SpeechToTextLayout();
const Layout* WebVttLayout();
const Layout* SrtLayout();
const Layout* RevNlpLayout();
const Layout* HtmlLayout();
const Layout* BankIrLayout();
const Layout* GenericLayout();

const std::vector<const Layout*>& Registry() {
  // Order breaks ties: more specific layouts first.
  static const std::vector<const Layout*> kAll = {
      StreetEventsFinalLayout(),
      StreetEventsEditedLayout(),
      StreetEventsPlainLayout(),
      RefinitivPdfLayout(),
      FactSetLayout(),
      SeekingAlphaLayout(),
      MotleyFoolTextLayout(),
      MotleyFoolJsonLayout(),
      EarningsCallJsonLayout(),
      GenericJsonLayout(),
      WebVttLayout(),
      SrtLayout(),
      RevNlpLayout(),
      SpeechToTextLayout(),
      HtmlLayout(),
      BankIrLayout(),
      GenericLayout(),
  };
  return kAll;
}

Result<Parsed> DetectAndParse(const Doc& doc, std::string_view forced) {
  const Layout* best = nullptr;
  double best_score = 0;
  if (forced.empty() || forced == "auto") {
    for (const Layout* l : Registry()) {
      // The shape-based fallbacks score at most 0.6: skip their full scan when a layout beat that.
      if (best_score >= 0.6 && (l == BankIrLayout() || l == GenericLayout())) continue;
      double s = l->Detect(doc);
      if (s > best_score) best = l, best_score = s;
    }
  } else {
    for (const Layout* l : Registry())
      if (forced == l->name()) best = l, best_score = 1;
    if (!best) return Status(Code::kUsage, "unknown layout '" + std::string(forced) + "' (see: callscope layouts)");
  }
  Parsed p;
  if (!best || best_score < 0.3) {
    p.layout = "none";
    p.confidence = 0;
    return p;
  }
  if (Status s = best->Parse(doc, &p); !s.ok()) return s;
  p.confidence = std::min(p.confidence, best_score);
  return p;
}

}  // namespace callscope::layouts
