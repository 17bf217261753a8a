// Metrics module: the mentions of a sentence (metrics, segments, periods, bases, cues) from its
// pack matches, with each segment's name as the output gives it.
#include "rules/modules/metrics/metrics.h"

namespace callscope::rules::metrics_detail {

// Whether period mention `x`, naming the metric right after it, is said of figures before the
// sentence looks ahead: no cue of the future before its first figure after it ("In looking at our
// full-year net income of $8 billion, ... items we do not expect to repeat": the year just ended;
// not "full-year revenue is expected at $5 billion", nor "For the full year we see a tax rate
// near 14%, ... and we expect EPS of $3.10", a period opening the sentence).
// So is one said after a result's verb and figure, the cue only after it ("Capital expenditures
// were $1.1 billion for the year, and we expect 2026 capital expenditures of ...", "sales grew 14% this
// year, and we expect double-digit growth again", "sales were up 8% in September, and we expect ...").
bool Metrics::SaidBeforeCue(const SentenceContext& ctx, const std::vector<Mention>& ms, const Mention& x) {
  if (x.in->kind != Kind::kPeriod) return false;
  auto cue_before = [&](uint32_t at) {
    return std::any_of(ms.begin(), ms.end(), [&](const Mention& f) { return f.in->kind == Kind::kForward && f.b < at; });
  };
  static const RE2 kResultBefore(R"((?i)\b(?:(?:was|were)(?:\s+(?:up|down))?|came\s+in\s+at|totaled|totalled|grew|rose|fell|declined|increased|decreased|improved|expanded)\s+(?:by\s+)?\S*\d[^,;]{0,30}$)");
  if (x.b <= ctx.text.size() && RE2::PartialMatch(re2::StringPiece(ctx.text.data(), x.b), kResultBefore) && !cue_before(x.b))
    return true;
  if (std::none_of(ms.begin(), ms.end(), [&](const Mention& k) { return k.in->kind == Kind::kMetric && k.b >= x.e && k.b <= x.e + 1; }))
    return false;
  uint32_t first_q = UINT32_MAX;
  for (const Quantity& q : ctx.quantities)
    if (uint32_t b = q.start - ctx.sentence.begin; b >= x.e) first_q = std::min(first_q, b);
  if (first_q == UINT32_MAX) return false;
  return !cue_before(first_q);
}

// Mentions of every kind, in text order; overlapping ones of one kind keep the longest.
void Metrics::Collect(const SentenceContext& ctx, const Matches& m, State* st) const {
  auto& ms = st->ms;
  ms.clear();
  for (const Match& x : m.list) ms.push_back({x.begin, x.end, &x, &info_.at(x.rule)});
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) {
    if (a.b != b.b) return a.b < b.b;
    return a.e > b.e;
  });
  // "we expect fiscal Q1 ...": a sentence about the future names coming periods
  bool forward = std::any_of(ms.begin(), ms.end(), [](const Mention& x) { return x.in->kind == Kind::kForward; });
  st->forward = forward;
  std::vector<Mention> kept;
  for (Mention& x : ms) {
    bool shadowed = std::any_of(kept.begin(), kept.end(), [&](const Mention& k) {
      // a metric mention hides the segment words inside it, but not a subject naming the segment
      // of the whole sentence ("WMB reported net income of $2.3 billion on revenue of $9.6 billion")
      // (a cue said right after a number, after=1, does not hide one said before it, nor the
      // reverse: "a $23 million decline versus" and "to decline roughly 20%" are both read)
      // (nor does a business named right after a figure hide a list of names starting with it:
      // "4% in Thermal, and Water was down 2%")
      bool same = (k.in->kind == x.in->kind && (k.in->kind != Kind::kChange || (k.in->attr == "1") == (x.in->attr == "1")) &&
                   (k.in->kind != Kind::kSegment || k.in->right_after == x.in->right_after)) ||
                  (k.in->kind == Kind::kMetric && x.in->kind == Kind::kSegment && !x.in->subject);
      return same && x.b < k.e && k.b < x.e;
    });
    if (shadowed || !Fill(ctx, m, forward && !SaidBeforeCue(ctx, ms, x), &x)) continue;
    // "NII" at an insurer (a call that says "net investment income", never "net interest income")
    // is its net investment income
    if (st->investment_nii && x.in->kind == Kind::kMetric && x.metric && x.metric->Name() == "net_interest_income" &&
        ctx.text.substr(x.b, x.e - x.b).find("NII") != std::string_view::npos)
      if (const Lexicon::Entry* nii = metrics_->Find("net investment income")) x.metric = nii;
    // "In home devices, we see ...": a lower-case name only once the call gave it a figure
    if (x.in->known && !st->known.count(Lower(x.text))) continue;
    kept.push_back(std::move(x));
  }
  // ("marketing as a percentage of gross bookings to be higher, maybe 10 to 20 basis points": what a
  // share is of is not the figure's metric; a share of revenue is read by the share_of rules)
  static const RE2 kShareOfWhat(R"((?i)\bas\s+an?\s+(?:percent(?:age)?|%|share|portion)\s+of\s+(?:total\s+|our\s+|the\s+)?(?:[a-z]+\s+)?$)");
  std::erase_if(kept, [&](const Mention& x) {
    const uint32_t at = std::max(x.b, x.name_at), from = at > 40 ? at - 40 : 0;
    // (the byte test first: this runs over every metric mention of every sentence)
    return x.in->kind == Kind::kMetric && at > 0 && x.metric && ctx.text.substr(from, at - from).find(" of") != std::string_view::npos &&
           x.metric->Name() != "revenue" && RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, at - from), kShareOfWhat);
  });
  // ("Looking to 2026, we expect ... and full year margin expansion of 40 to 60 basis points": "full
  // year" said without its year after a year still to come is that year)
  for (size_t i = 1; i < kept.size(); ++i) {
    Mention& x = kept[i];
    if (x.in->kind != Kind::kPeriod || x.in->attr != "fy" || x.comparative || !x.m || !m.Group(*x.m, "y").empty() ||
        !m.Group(*x.m, "y2").empty())
      continue;
    for (size_t j = i; j-- > 0;) {
      const Mention& y = kept[j];
      if (y.in->kind != Kind::kPeriod || y.comparative || !y.text.starts_with("FY ")) continue;
      if (std::atoi(y.text.c_str() + 3) > ctx.analysis.call.fiscal_year && ctx.analysis.call.fiscal_year) x.text = y.text;
      break;
    }
  }
  // ("4% in Thermal, and Water was down 2%": a list of names whose first is the business named
  // right after the figure before is the rest of the list)
  const bool after_figure = std::any_of(kept.begin(), kept.end(), [](const Mention& k) { return k.in->kind == Kind::kSegment && k.in->right_after; });
  for (Mention& x : kept) {
    if (!after_figure || x.in->kind != Kind::kSegment || x.in->right_after) continue;
    for (const Mention& k : kept) {
      if (k.in->kind != Kind::kSegment || !k.in->right_after || k.text.empty() || k.e <= x.name_at || k.b >= x.name_at ||
          !x.text.starts_with(k.text))
        continue;
      static const RE2 kRest(R"(^(?:,\s*|\s+)(?:and\s+)?)");
      re2::StringPiece rest(x.text.data() + k.text.size(), x.text.size() - k.text.size());
      if (!RE2::Consume(&rest, kRest) || rest.empty()) continue;
      const size_t at = ctx.text.find(std::string_view(rest.data(), rest.size()), x.name_at);
      if (at == std::string_view::npos) continue;
      x.text = std::string(rest.data(), rest.size()), x.b = x.name_at = static_cast<uint32_t>(at);
      break;
    }
  }
  // (a name that is a metric's whole mention: "Marketing was down $4 million" is the subject of
  // a change a name can be, a longer match kept before the metric's; nor is a name that begins
  // inside a metric's mention, its match starting before it: "investments in advertising,
  // promotional and selling expenses" is no segment "advertising")
  std::erase_if(kept, [&](const Mention& x) {
    return x.in->kind == Kind::kSegment && !x.in->subject && std::any_of(kept.begin(), kept.end(), [&](const Mention& k) {
             return k.in->kind == Kind::kMetric &&
                    ((k.b == x.name_at && k.e == x.name_at + x.text.size()) ||
                     (k.text.empty() && k.b > x.b && k.b <= x.name_at && x.name_at + x.text.size() <= k.e));
           });
  });
  // ("we'd expect opex to grow a little slower than revenue, call it mid-single digits": a metric
  // compared with after another the clause named, no figure between, speaks for no figure; not
  // "... than revenue, which grew 9%", nor "than revenue growth of 5%")
  static const RE2 kThan(
      R"((?i)\b(?:faster|slower|quicker|more|less|better|worse|higher|lower)(?:\s+\w+)?\s+than\s+(?:our\s+|the\s+|overall\s+|total\s+)?$)");
  static const RE2 kOwnClause(
      R"((?i)^\s*,?\s*(?:which|that|where)\b|^\s+(?:growth\s+)?(?:of|at|was|were|is|are|grew|rose|fell|increased|decreased|declined|came)\b)");
  const uint32_t base = ctx.sentence.begin;
  auto compared_with = [&](const Mention& x) {
    const uint32_t from = x.b > 48 ? x.b - 48 : 0;
    if (x.in->kind != Kind::kMetric || ctx.text.substr(from, x.b - from).find("than") == std::string_view::npos ||
        !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, x.b - from), kThan) ||
        RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.e, ctx.text.size() - x.e), kOwnClause))
      return false;
    return std::any_of(kept.begin(), kept.end(), [&](const Mention& k) {
      return k.in->kind == Kind::kMetric && k.e <= x.b && ctx.text.substr(k.e, x.b - k.e).find_first_of(",;") == std::string_view::npos &&
             std::none_of(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) {
               return q.start - base >= k.e && q.start - base < x.b;
             });
    });
  };
  // (a byte search first: most sentences say no "than", and then nothing is dropped)
  if (ctx.text.find("than") != std::string_view::npos) {
    std::vector<char> drop(kept.size());
    bool any = false;
    for (size_t i = 0; i < kept.size(); ++i) any |= drop[i] = compared_with(kept[i]);
    if (any) {
      size_t n = 0;
      for (size_t i = 0; i < kept.size(); ++i)
        if (!drop[i]) {
          if (n != i) kept[n] = std::move(kept[i]);
          ++n;
        }
      kept.resize(n);
    }
  }
  ms.swap(kept);
  // Periods: "the quarter" means the last quarter named before it ("this quarter", "the current
  // quarter": the call's, whatever was named before); comparative ones follow a cue.
  static const RE2 kThisQuarter(R"((?i)^(?:this|current)\b)");
  std::string carry = st->period;
  const bool compares = std::any_of(ms.begin(), ms.end(), [](const Mention& x) {
    return x.in->kind == Kind::kChange || x.in->kind == Kind::kFrom || x.in->kind == Kind::kContrast ||
           x.in->kind == Kind::kYoy || x.in->kind == Kind::kQoq || x.in->kind == Kind::kFlat;
  });
  for (Mention& x : ms) {
    if (x.in->kind != Kind::kPeriod) continue;
    if (x.in->attr == "this")
      x.text = carry.starts_with("Q") && !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.b, x.e - x.b), kThisQuarter)
                   ? carry
                   : CallQuarter(ctx.analysis.call);
    x.comparative = (x.in->attr == "prev_q" || x.in->attr == "prev_y" || x.in->attr == "same_q" || x.in->ref) && !x.in->when;
    // "rose only 1.5% during the second quarter of last year": an earlier period said with "during"
    // is when it happened, unless a "from"/"than" before it makes it a reference (below); "in" is
    // not enough ("compared to $0.48 in the prior quarter")
    if (x.comparative) {
      static const RE2 kDuring(R"((?i)\bduring\s+(?:the\s+)?$)");
      std::string_view before = ctx.text.substr(x.b > 12 ? x.b - 12 : 0, x.b > 12 ? 12 : x.b);
      if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kDuring)) x.comparative = false;
    }
    // a period within 60 bytes after "from"/"than" is the reference, unless a "to" came between:
    // "from 24.1% in 2019 to 25% in 2020"; not the "from" of a metric's name ("cash from operations"),
    // nor one a clause away ("from a yearly view, gross margins, I believe, in the second quarter")
    // ("over the first half of the year, revenue was up 20%": "over" before any number is "during")
    // (or before any number of its clause: "Capex was $8.5 billion, and operating cash flow over the
    // last four quarters was $21.5 billion")
    auto during = [&](const Mention& c) {
      std::string_view w = ctx.text.substr(c.b, c.e - c.b);
      const size_t comma = ctx.text.substr(0, c.b).find_last_of(",;");
      const uint32_t clause = comma == std::string_view::npos ? 0 : static_cast<uint32_t>(comma);
      // (not a change's: "..., up over last year")
      static const RE2 kChanged(R"((?i)\b(?:up|down|higher|lower|increased?|decreased?|growth|grew|rose|fell|improved|flat)\s+$)");
      return (w == "over" || w == "Over") &&
             std::none_of(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) {
               const uint32_t qb = q.start - ctx.sentence.begin;
               return qb >= clause && qb < c.b;
             }) &&
             (clause == 0 || !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + clause, c.b - clause), kChanged));
    };
    // ("a benefit from FY '18", "the impact from our Q3 offering": the period of a cause, neither
    // the figure's nor one it is compared with)
    static const RE2 kCause(R"((?i)\b(?:impacts?|benefits?|contributions?|effects?|headwinds?|tailwinds?|drag)\s+$)");
    // (not a figure said as last year's with none before it to compare: "to be in line with last
    // year's 27.4%" is that year's figure)
    auto alone = [&](const Mention& c) {
      return x.in->attr == "prev_fy" && c.in->kind == Kind::kContrast &&
             std::none_of(ctx.quantities.begin(), ctx.quantities.end(), [&](const Quantity& q) { return q.start - ctx.sentence.begin < c.b; });
    };
    for (const Mention& c : ms)
      if ((c.in->kind == Kind::kFrom || c.in->kind == Kind::kContrast) && !alone(c) && c.e <= x.b && x.b - c.e <= 60 &&
          ctx.text.substr(c.e, x.b - c.e).find(" to ") == std::string_view::npos && !InMetric(*st, c) &&
          RefersBack(ctx, c.e, x.b) && !during(c)) {
        x.comparative = true;
        const uint32_t from = c.b > 24 ? c.b - 24 : 0;
        x.cause = x.b - c.e <= 12 && RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, c.b - from), kCause);
        if (x.in->attr != "this" && x.in->attr != "ended") {  // a reference is past (a date said in full is as said)
          if (x.own.empty()) x.own = x.text;
          x.text = Period(m, *x.m, x.in->attr, ctx.analysis.call, false, !forward);
        }
      }
    // "Last year, revenue was $300 million": the sentence's one figure, with no cue of a comparison,
    // happened in the prior fiscal year (not "a year ago", the year-ago quarter's, said to compare)
    if (x.comparative && x.in->attr == "prev_y" && x.own.empty() && !compares && ctx.quantities.size() == 1 &&
        ctx.analysis.call.fiscal_year) {
      // (not "the prior-year quarter"; and for its sentence only)
      static const RE2 kLastYear(R"((?i)^(?:last|prior|previous)[\s-]+(?:fiscal\s+)?year$)"), kOfPart(R"((?i)^[\s-]*(?:'s\s+)?(?:quarter|period|half)\b)");
      if (RE2::FullMatch(re2::StringPiece(ctx.text.data() + x.b, x.e - x.b), kLastYear) &&
          !RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x.e, ctx.text.size() - x.e), kOfPart))
        x.comparative = false, x.once = true, x.text = fmt::format("FY {}", ctx.analysis.call.fiscal_year - 1);
    }
    // (and so does one said in the prior quarter: "Adjusted EBITDA was $255 million in the prior
    // quarter")
    if (x.comparative && x.in->attr == "prev_q" && x.own.empty() && !compares && ctx.quantities.size() == 1 && !x.text.empty())
      x.comparative = false, x.once = true;
    // "we won't be giving an outlook for 2026 today, but ...": a period named to say nothing of it
    // is no period the next sentences speak of
    static const RE2 kRefused(
        R"((?i)(?:\bnot|n't|\bnever)\s+(?:going\s+to\s+|be\s+|yet\s+)?(?:give|giving|provide|providing|offer|offering|guide|guiding|get\s+into|talk\s+about)\b[^.;,]{0,40}$)");
    const uint32_t from = x.b > 80 ? x.b - 80 : 0;
    if (RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, x.b - from), kRefused)) x.once = true;
    if (!x.comparative && Carries(x)) carry = x.text;
  }
}

// "Total Harbor revenue", "All-up Harbor ML revenue": a word of the whole is no part of the name
std::string_view Metrics::DropWhole(std::string_view seg) {
  static const RE2 kWhole(R"(^(?:Total|Overall|All[\s-]up|Combined)\s+)");
  re2::StringPiece rest(seg.data(), seg.size());
  if (RE2::Consume(&rest, kWhole) && !rest.empty()) return std::string_view(rest.data(), rest.size());
  return seg;
}

// (a line of the vocabulary said with a capital inside the sentence is a name, kept as said:
// "Within Services, Consulting realized ..."; at its start, or after a capitalised word, the
// vocabulary's form: "Services revenue", "In Devices, ...")
std::string Metrics::Segment(std::string_view seg, std::string_view sentence) const {
  seg = DropWhole(seg);
  if (seg.empty()) return {};
  const Lexicon::Entry* e = segments_->Find(seg);
  if (e && (e->Attr("kind") == "not" || e->Attr("kind") == "month")) return {};
  if (!e && metrics_->Find(seg)) return {};
  // ("Revenue in July and August was $30 million": months joined are no segment either)
  if (!e && seg.find(" and ") != std::string_view::npos) {
    bool months = true;
    for (std::string_view rest = seg; months && !rest.empty();) {
      size_t sp = rest.find(' ');
      std::string_view w = rest.substr(0, sp);
      const Lexicon::Entry* m = segments_->Find(w);
      months = w == "and" || (m && m->Attr("kind") == "month");
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    }
    if (months) return {};
  }
  if (e && AllUpper(e->canonical) && AllLower(seg)) return {};  // "us" is not the US
  if (e && e->Attr("kind") == "line" && !sentence.empty() && seg.data() > sentence.data() &&
      seg.data() < sentence.data() + sentence.size() && std::isupper(static_cast<unsigned char>(seg[0]))) {
    // (not after a capitalised word of the same name, "Retail Services", nor the sentence's first word)
    std::string_view before = sentence.substr(0, static_cast<size_t>(seg.data() - sentence.data()));
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    size_t w = before.find_last_of(' ');
    std::string_view prev = w == std::string_view::npos ? before : before.substr(w + 1);
    bool joined = !prev.empty() && std::isupper(static_cast<unsigned char>(prev[0])) && std::isalpha(static_cast<unsigned char>(prev.back()));
    if (!joined) return std::string(seg);
  }
  return e ? e->canonical : std::string(seg);
}

// "Subscription revenue grew 20%, with Europe up 25%": a region's share of a line is the line's
// in the region ("Europe subscription"), not the region's whole revenue
std::string Metrics::InRegion(const std::string& region, const std::string& line) const {
  // (the line of a record made so: "APAC subscription", then "Americas")
  const std::string_view rest = std::string_view(line).substr(RegionLead(line));
  if (rest.empty() || !IsRegion(region) || SegmentKind(rest) == "region") return region;
  return region + " " + std::string(rest);
}

// Where the name after the longest region leading `seg` starts ("Europe Construction": 7), 0 when
// no region leads it; a business named in a region, as InRegion makes it, has one.
size_t Metrics::RegionLead(const std::string& seg) const {
  size_t lead = 0;
  for (size_t sp = seg.find(' '); sp != std::string::npos; sp = seg.find(' ', sp + 1))
    if (IsRegion(seg.substr(0, sp))) lead = sp + 1;
  return lead;
}

// "solid storage products and cloud services sales": a pair of lower-case lines, the first
// ending in a line word of the vocabulary (one word before it, not a word of praise or size)
size_t Metrics::LowerPairHead(std::string_view text, size_t from) const {
  static const RE2 kPair(R"((?:^|[\s,(])(?:([\w-]+)\s+)?([a-z][\w-]*)\s+and\s+$)");
  static const std::set<std::string, std::less<>> kNot = {
      "strong", "stronger", "higher", "lower", "solid", "continued", "good", "record", "robust", "healthy",
      "weak", "weaker", "better", "increased", "our", "the", "its", "their", "in", "of", "for", "and", "with", "from",
      "by", "on", "to", "at", "both", "all", "core", "new", "growing", "strength", "growth", "saw", "see", "sees",
      "had", "has", "have", "drove", "drive", "drives", "grew", "grow", "grows", "posted", "was", "were", "is", "are",
      "expect", "expects", "anticipate", "anticipates", "estimate", "estimates", "project", "projects", "forecast"};
  re2::StringPiece before, line;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), from), kPair, &before, &line)) return from;
  const Lexicon::Entry* e = segments_->Find(std::string_view(line.data(), line.size()));
  if (!e || e->Attr("kind") != "line" || kNot.count(std::string_view(line.data(), line.size()))) return from;
  std::string_view b(before.data() ? before.data() : "", before.size());
  static const RE2 kTogether(R"((?i)total|overall|combined)");
  if (RE2::FullMatch(re2::StringPiece(b.data(), b.size()), kTogether)) return from;  // the lines together: no pair's name
  // (and a name in capitals before it: "Office suite products and cloud services")
  if (!b.empty() && std::islower(static_cast<unsigned char>(b[0])) && !kNot.count(b) && !b.ends_with("ly") && !b.ends_with("ed"))
    return NameStart(text, static_cast<size_t>(before.data() - text.data()));
  return NameStart(text, static_cast<size_t>(line.data() - text.data()));
}

// "Network products and cloud services sales", "Search and social ads revenue": a line
// named as a pair, from its capitalised first word (not "Total product and services revenue")
size_t Metrics::AndHead(std::string_view text, size_t from) {
  static const RE2 kAndHead(R"((?:^|[\s,(])(([A-Z][\w-]*)(?:\s+[a-z][\w-]*)?\s+and\s+(?:[a-z][\w-]*\s+)?)$)");
  re2::StringPiece pair, first;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), from), kAndHead, &pair, &first)) return from;
  const size_t first_b = static_cast<size_t>(first.data() - text.data());
  const size_t start = NameStart(text, first_b + first.size() + 1);  // the first word is a name's
  return start <= first_b ? start : from;
}

// Where the capitalised words right before `at` begin ("Office 365 " before "Commercial"):
// names and model numbers, not sentence openers, periods or basis words.
size_t Metrics::NameStart(std::string_view text, size_t at) {
  static const std::set<std::string, std::less<>> kStop = {
      "The", "Our", "Its", "Their", "This", "That", "These", "Those", "And", "But", "So", "Or", "In", "For", "On",
      "At", "With", "From", "Of", "By", "As", "Total", "Net", "Adjusted", "GAAP", "Non-GAAP", "Reported", "Organic",
      "Fiscal", "Quarter", "Full", "Year", "First", "Second", "Third", "Fourth", "Also", "Overall", "Now", "Then",
      "Similarly", "Meanwhile", "Again", "Finally", "Lastly", "Next", "Turning", "Moving", "Both", "All", "Each",
      "We", "I", "Consolidated", "Company", "Group", "Q", "FY", "YTD", "Yes", "Well", "OK", "Okay", "Further",
      "Additionally", "Importantly", "Likewise", "While", "Although", "When", "If", "Record", "Strong"};
  size_t from = at;
  while (from >= 2 && text[from - 1] == ' ') {
    size_t b = from - 1;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != ',' && text[b - 1] != '(' && text[b - 1] != '"') --b;
    std::string_view w = text.substr(b, from - 1 - b);
    bool digits = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    // (an initialism with dots counts: "U.S. Retail Bank")
    bool upper = !w.empty() && std::isupper(static_cast<unsigned char>(w[0])) &&
                 (std::all_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '&' || c == '-'; }) ||
                  (w.size() <= 6 && w.back() == '.' &&
                   std::all_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; })));
    bool period = w.size() >= 2 && (w[0] == 'Q' || w[0] == 'H') && std::isdigit(static_cast<unsigned char>(w[1]));
    bool year = digits && w.size() == 4 && (w.starts_with("19") || w.starts_with("20"));
    if (w.empty() || kStop.count(w) || period || year || w.starts_with("FY") || w.ends_with("ly")) break;
    if (digits) {  // a number only inside a name: "Office 365 Commercial"
      size_t prev = b >= 2 ? text.rfind(' ', b - 2) : std::string_view::npos;
      size_t word = prev == std::string_view::npos ? 0 : prev + 1;
      if (b < 2 || text[b - 1] != ' ' || !std::isupper(static_cast<unsigned char>(text[word]))) break;
    } else if (!upper && w != "&") {  // (names joined by "&": "Risk & Insurance Services")
      break;
    }
    from = b;
  }
  while (text.substr(from).starts_with("& ")) from += 2;  // (not one whose word before is none)
  return from;
}

// The company itself is not a segment: "Micron delivered", "AMD's revenue", "the base Amazon"
// (the first word of the company's name, before a web suffix or a comma: "Amazon.com Inc").
bool Metrics::IsCompany(const Call& call, std::string_view seg) {
  std::string_view co = call.company;
  co = co.substr(0, co.find_first_of(" ,"));
  if (co.ends_with(".com")) co.remove_suffix(4);
  return !seg.empty() && co.size() == seg.size() &&
         std::equal(co.begin(), co.end(), seg.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); });
}

// "In Printers, ODM non-Premium revenue fell 6%": a sentence opening with a topic, then a line of
// it named right before the metric; the line is the segment, the topic's when the line is named by
// an acronym or one lower-case word ("Printers ODM non-Premium"; "In Gaming, console hardware revenue":
// "console hardware").
// Not a basis or a determiner ("In Windows, total revenue", "In Search, our revenue").
void Metrics::TopicLine(std::string_view text, std::string_view metric, std::string* segment) {
  if (!metric.data() || metric.data() < text.data() || metric.data() > text.data() + text.size()) return;
  static const RE2 kTopicLine(
      R"(^(?:In|Within|For)\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}),\s+((?:[A-Za-z][\w&.-]*\s+){1,3}?)$)");
  // (nor a clause: "In Devices, we expect revenue ...", "Within Services, Consulting realized ...";
  // nor a period as the topic: "For Q1, ...")
  static const RE2 kNotLine(
      R"((?i)\b(?:the|our|its|their|this|that|total|net|adjusted|organic|reported|underlying|GAAP|non-GAAP|comparable|constant|segment|quarterly|annual|a|an|we|I|you|they|it|expect\w*|see|saw|had|has|have|grew|grow\w*|drove|made|did|will|would|should|could|can|may|is|are|was|were|continu\w*|deliver\w*|generat\w*|post\w*|\w+ed)\b)");
  static const RE2 kPeriod(R"((?i)^(?:Q[1-4]|H[12]|FY|fiscal|full|first|second|third|fourth|\d))");
  re2::StringPiece topic, line;
  if (!RE2::FullMatch(re2::StringPiece(text.data(), metric.data() - text.data()), kTopicLine, &topic, &line) ||
      RE2::PartialMatch(line, kNotLine) || RE2::PartialMatch(topic, kPeriod))
    return;
  std::string_view l(line.data(), line.size());
  while (!l.empty() && l.back() == ' ') l.remove_suffix(1);
  *segment = OfTopic(l) ? std::string(topic.data(), topic.size()) + " " + std::string(l) : std::string(l);
}

// Is a line said after its topic the topic's ("In Printers, ODM Plus": an acronym; "In Search, ad
// revenue": one lower-case word), not a name of its own ("In Cloud, Azure revenue")?
bool Metrics::OfTopic(std::string_view line) {
  return AllUpper(line.substr(0, line.find(' '))) || (line.find(' ') == std::string_view::npos && AllLower(line));
}

// An acronym notnames.lex lists ("M&A", "FIFO", "FX") names no business, whatever rule found it.
bool Metrics::ListedAcronym(std::string_view name) const {
  return notnames_ && !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '&'; }) &&
         notnames_->Find(name);
}

bool Metrics::Fill(const SentenceContext& ctx, const Matches& m, bool forward, Mention* x) const {
  const Call& call = ctx.analysis.call;
  switch (x->in->kind) {
    case Kind::kMetric: {
      const std::string_view name = m.Group(*x->m, "metric");
      x->metric = metrics_->Find(x->in->attr.empty() ? name : std::string_view(x->in->attr));  // (as=: the rule names it)
      if (!x->metric) return false;
      x->name_at = static_cast<uint32_t>(name.data() - ctx.text.data());
      std::string_view sa = m.Group(*x->m, "seg"), sb = m.Group(*x->m, "seg2");
      // "G&A expense": another metric's name the vocabulary holds whole, read as a segment and a
      // metric (not "commercial RPO" said in full, the same metric's)
      // (or the words of its second name group: "the maintenance CapEx")
      for (std::string_view lead : {sb.empty() ? sa : std::string_view(), sb}) {
        if (lead.empty() || x->e <= static_cast<uint32_t>(lead.data() - ctx.text.data())) continue;
        size_t at = static_cast<size_t>(lead.data() - ctx.text.data());
        if (const Lexicon::Entry* whole = metrics_->Find(ctx.text.substr(at, x->e - at)); whole && whole != x->metric) {
          x->metric = whole;
          return true;
        }
      }
      std::string a = Segment(sa, ctx.text), b = Segment(sb, ctx.text);
      if (IsCompany(call, a)) a.clear();
      // (names=checked: a word that names no business, "our total business")
      if (x->in->checked_names && notnames_ && !a.empty() && notnames_->Find(std::string_view(a).substr(0, a.find(' '))))
        a.clear();
      if (ListedAcronym(a)) a.clear();  // ("FIFO operating profit")
      // "Consumer Bank net income": a name ending in an organisation's noun is the whole name
      static const std::set<std::string, std::less<>> kOrgans = {"Bank", "Group", "Management"};
      if (!a.empty() && b.empty() && kOrgans.count(sb) && std::isupper(static_cast<unsigned char>(sa[0])))
        a = std::string(sa.data(), static_cast<size_t>(sb.data() + sb.size() - sa.data()));
      x->text = a.empty() ? b : b.empty() || a == b ? a : a + " " + b;  // ("U.S. Domestic": US, not "US US")
      // "Office 365 Commercial revenue", "Securities Services revenue": the name the line ends
      // (from the words that name a segment: not a stop word the vocabulary lists, "and services revenue")
      if (std::string_view first = !a.empty() ? sa : sb, last = !sb.empty() ? sb : sa; !x->text.empty() && !first.empty()) {
        size_t at = static_cast<size_t>(first.data() - ctx.text.data());
        size_t from = NameStart(ctx.text, at), end = static_cast<size_t>(last.data() + last.size() - ctx.text.data());
        if (size_t pair = AndHead(ctx.text, from); pair != from) from = pair;
        else if (from == at && AllLower(first)) from = LowerPairHead(ctx.text, from);
        std::string_view head = ctx.text.substr(from, at - from);
        if (!head.empty() && !IsCompany(call, head.substr(0, head.find(' '))))
          x->text = DropWhole(ctx.text.substr(from, end - from));
      }
      TopicLine(ctx.text, m.Group(*x->m, "metric"), &x->text);
      return true;
    }
    case Kind::kSegment: {
      std::string_view seg = m.Group(*x->m, "seg");
      // "Within Services, Consulting realized ...": the subject is the name after the comma
      if (size_t c = seg.rfind(", "); x->in->subject && c != std::string_view::npos &&
                                      seg.find(" and ", c) == std::string_view::npos && seg.find(" & ", c) == std::string_view::npos)
        seg.remove_prefix(c + 2);
      // "Turning to CapEx.": the sentence's full stop is no part of the name (an abbreviation's
      // is: "U.S.")
      if (seg.size() > 1 && seg.back() == '.' && seg.find('.') == seg.size() - 1) seg.remove_suffix(1);
      // "Turning to life and retirement's first quarter.": nor is the period it closes with
      static const RE2 kClosingPeriod(
          R"(((?:'s)?\s+(?:(?:(?:first|second|third|fourth)[\s-])?quarter|Q[1-4]|(?:full[\s-])?year)(?:\s+(?:results|performance))?|\s+(?:results|performance))$)");
      if (re2::StringPiece tail; seg.find(' ') != std::string_view::npos &&
                                 RE2::PartialMatch(re2::StringPiece(seg.data(), seg.size()), kClosingPeriod, &tail))
        seg.remove_suffix(tail.size());
      const Lexicon::Entry* e = segments_->Find(seg);
      if (x->m->rule->name == "region" && (!e || e->Attr("kind") != "region")) return false;
      std::string topic;
      if (ListedAcronym(seg)) return false;  // ("cash on hand for M&A")
      // "Advertising and promotion expense was $152 million": a name that, with the words after it in
      // the match, is a metric's name the vocabulary holds whole (s_and_m's, not an "Advertising and
      // promotion" segment's "expense")
      if (size_t at = static_cast<size_t>(seg.data() - ctx.text.data()), end = std::min<size_t>(x->e, ctx.text.size());
          x->in->checked_names && at < end)
        for (size_t k = at + seg.size() + 1; k <= end; ++k)
          if ((k == end || ctx.text[k] == ' ') && metrics_->Find(ctx.text.substr(at, k - at))) return false;
      if (x->in->checked_names && notnames_) {
        // "In Printers, ODM Plus revenue fell 6%": a topic, then one of its lines; a line named by an
        // acronym is the topic's ("Printers ODM Plus"), a name is a brand of its own ("In Cloud, Azure
        // revenue": Azure)
        static const std::set<std::string, std::less<>> kTopics = {"In", "Within", "For", "At", "Across", "On"};
        if (size_t sp = seg.find(' '), c = seg.find(", "); sp != std::string_view::npos && c != std::string_view::npos &&
                                                           sp < c && kTopics.count(seg.substr(0, sp))) {
          std::string_view t = seg.substr(sp + 1, c - sp - 1), rest = seg.substr(c + 2);
          if (!t.empty() && !rest.empty() && rest.find(", ") == std::string_view::npos) {
            if (OfTopic(rest) && !Segment(t, ctx.text).empty()) topic = t;
            seg = rest;
          }
        }
        // "While Asia Wealth Management revenue ...": a sentence opener is not part of the name (nor a basis)
        static const std::set<std::string, std::less<>> kOpeners = {
            "While", "When", "If", "Although", "Though", "Because", "Since", "After", "Before", "During", "Excluding",
            "Including", "Despite", "Meanwhile", "However", "And", "But", "So", "Now", "Also", "Then", "The", "Our",
            // (nor a basis: "Adjusted Industrial free cash flow" is Industrial's)
            "Adjusted", "Reported", "Non-GAAP", "GAAP", "Underlying", "Organic", "Statutory"};
        for (size_t sp = seg.find(' '); sp != std::string_view::npos && kOpeners.count(seg.substr(0, sp)); sp = seg.find(' '))
          seg.remove_prefix(sp + 1);
        // ("Regionally, Japan was up 20%": nor is an adverb said before it)
        static const RE2 kAdverb(R"(^[A-Z][a-z]+ly,\s+)");
        if (re2::StringPiece in(seg.data(), seg.size()); RE2::Consume(&in, kAdverb)) seg = std::string_view(in.data(), in.size());
        if (notnames_->Find(seg)) return false;  // "Net revenue"
        // (nor words each of which is none: "and organic net sales grew 11%")
        bool all_not = seg.find(' ') != std::string_view::npos;
        for (std::string_view rest = seg; all_not && !rest.empty();) {
          size_t sp = rest.find(' ');
          all_not = notnames_->Find(rest.substr(0, sp)) != nullptr;
          rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        }
        if (all_not) return false;
        // (nor a name whose last word is a metric's modifier or "and": "Automotive operating" before
        // "cash flow", "Revenue and" before "operating income")
        static const std::set<std::string, std::less<>> kModifiers = {"and", "net", "gross", "operating", "adjusted", "core",
                                                                      "total", "organic", "reported", "underlying", "free", "cash"};
        if (size_t sp = seg.rfind(' '); sp != std::string_view::npos && kModifiers.count(seg.substr(sp + 1))) return false;
        std::string_view last_word = seg.substr(seg.find_last_of(' ') + 1);
        const Lexicon::Entry* last = segments_->Find(last_word);
        if (last && last->Attr("kind") == "month") return false;  // "..., September revenue fell"
        if (metrics_->Find(last_word)) return false;              // "Our GAAP EPS grew by 7%"
      }
      // "fee revenue excluding Trading rose 5%": what is left out is no segment
      static const RE2 kLeftOut(R"((?i)\b(?:excluding|ex\.?|except|other\s+than|outside(?:\s+of)?|without)\s+(?:the\s+|our\s+)?$)");
      if (size_t at = seg.data() - ctx.text.data(); seg.data() && at <= ctx.text.size()) {
        size_t from = at > 24 ? at - 24 : 0;
        if (RE2::PartialMatch(re2::StringPiece(ctx.text.data() + from, at - from), kLeftOut)) return false;
      }
      // "At the enterprise level, sales grew 2%": the whole company, said as a level
      if (seg.data() && static_cast<size_t>(seg.data() + seg.size() - ctx.text.data()) <= ctx.text.size()) {
        static const std::set<std::string, std::less<>> kWhole = {"enterprise", "company", "group", "firm", "consolidated",
                                                                  "total", "corporate", "total company"};
        std::string_view after = ctx.text.substr(static_cast<size_t>(seg.data() + seg.size() - ctx.text.data()));
        if ((after.starts_with(" level") || after.starts_with("-level")) && kWhole.count(Lower(seg))) return false;
      }
      x->text = Segment(seg, ctx.text);
      if (!topic.empty() && !x->text.empty()) x->text = topic + " " + x->text;
      x->name_at = seg.data() ? static_cast<uint32_t>(seg.data() - ctx.text.data()) : x->b;
      // (nor an amount written with its currency's code: "at CAD17")
      static const RE2 kCodeAmount(R"(^[A-Z]{3}\d)");
      return !x->text.empty() && !IsCompany(call, x->text) && !RE2::PartialMatch(x->text, kCodeAmount);
    }
    case Kind::kBasis:
      x->text = x->in->attr == "none" ? "" : x->in->attr;
      return true;
    case Kind::kPeriod: {
      // ("the free cash flow this year was about $1.4 billion, and we'd expect ... next year": a
      // period said of a result, its verb in the past right after it, is not the future's)
      static const RE2 kWasAfter(R"((?i)^\s+(?:was|were|came\s+in|totaled|totalled|grew|rose|fell|declined|increased|decreased|ended|finished)\b)");
      // (nor one a result's verb ends, right before it: "inventory ended the year down $1.3 billion,
      // and we expect ... next year")
      static const RE2 kEndedBefore(R"((?i)\b(?:ended|finished|closed|exited)\s+$)");
      const bool result = forward && x->e <= ctx.text.size() &&
                          (RE2::PartialMatch(re2::StringPiece(ctx.text.data() + x->e, ctx.text.size() - x->e), kWasAfter) ||
                           RE2::PartialMatch(re2::StringPiece(ctx.text.data(), x->b), kEndedBefore));
      x->text = x->in->attr == "ended" ? Ended(ctx, m, *x->m)
                                       : Period(m, *x->m, x->in->attr, call, forward && !result, !forward && LastBefore(ctx.text, x->b));
      // (no year before earnings calls were held: a speech-to-text "19 ... 33 cents" is no 1933)
      static const RE2 kYear(R"(\b((?:19|20)\d\d)\b)");
      if (int year = 0; x->text.find("19") != std::string::npos && RE2::PartialMatch(x->text, kYear, &year) && year < 1990)
        return false;
      // (a year ago or the quarter before, in a call of no known period, still says which comparison)
      return !x->text.empty() || x->in->attr == "this" || x->in->attr == "prev_q" || x->in->attr == "prev_y";
    }
    default:
      return true;
  }
}

}  // namespace callscope::rules::metrics_detail
