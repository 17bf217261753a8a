// Metrics module: the questions and answers. What a question asks about, and the figure an answer
// opens on with no metric of its own (the period a question names: QuestionPeriod, phrases.h).
#include "rules/modules/metrics/metrics.h"

namespace callscope::rules::metrics_detail {

// "And free cash flow for the year?" - "We'd say $650 million to $700 million.": the figure an
// answer opens on, in its first two sentences, said with no metric, is of the one metric the
// question named (not a question that named two; not a figure said after other words: "We had
// about $50 million of one-time costs"); "Capex?" - "We spent $190 million in the quarter"; "Gross
// margin?" - "So we did 58.2% this quarter"
// (the vocabulary's terms in a sentence that asks, read with one search: the pack's rules do not run
// on analysts' sentences)
void Metrics::NoteQuestion(const SentenceContext& ctx, State* st) const {
  if (st->asked_two || !asked_terms_) return;
  re2::StringPiece in(ctx.text.data(), ctx.text.size()), term;
  while (RE2::FindAndConsume(&in, *asked_terms_, &term)) {
    const Lexicon::Entry* e = metrics_->Find(std::string_view(term.data(), term.size()));
    if (!e || IsNone(*e)) continue;
    if (st->asked_metric.empty()) st->asked_metric = e->Name();
    else if (st->asked_metric != e->Name()) return st->asked_metric.clear(), void(st->asked_two = true);
  }
}

const Lexicon::Entry* Metrics::AnswersQuestion(const SentenceContext& ctx, const State& st, uint32_t qb,
                                              const std::string& unit, bool change) const {
  if (st.asked_metric.empty() || ctx.role == Role::kAnalyst || ctx.role == Role::kOperator || st.answer_from < 0 ||
      ctx.index - st.answer_from > 1 || qb > 120)
    return nullptr;
  if (std::any_of(st.ms.begin(), st.ms.end(), [](const Mention& x) { return x.in->kind == Kind::kMetric; })) return nullptr;
  static const RE2 kAnswer(
      R"((?i)^\W*(?:(?:yes|yeah|sure|so|well|okay|ok|right|look|great|good\s+question)\W+)*)"
      R"((?:(?:we|I)(?:'d|\s+would|'re|\s+are|\s+will|'ll)?\s+(?:(?:still|now|currently)\s+)?(?:say|expect|think|see|guide|guiding|estimate|assume|assuming|model|project|plan|target|targeting|at|looking\s+at)\b)"
      R"(|(?:we|I)\s+(?:did|spent|generated|delivered|came\s+in\s+at)\b)"
      R"(|(?:it|that)(?:'s|\s+is|\s+was|'ll|\s+will|\s+should|\s+would|'d)\b)"
      R"(|(?:about|around|roughly|approximately|call\s+it|probably|somewhere)\b))"
      R"([^.;?]*$)");
  if (!RE2::FullMatch(re2::StringPiece(ctx.text.data(), qb), kAnswer)) return nullptr;
  const Lexicon::Entry* e = metrics_->Find(st.asked_metric);
  if (!e) return nullptr;
  // (a change in percent of any metric; in points, of a rate's)
  if (change) return unit == "%" || ((unit == "bp" || unit == "pp") && e->Attr("class").find("pct") != std::string::npos) ? e : nullptr;
  return !Fits(*e, unit, false).empty() ? e : nullptr;
}

// The answer's record is of the period its question named, unless its sentence names one.
void Metrics::AnswerPeriod(const State& st, Metric* r) {
  if (!st.question_period.empty() && std::none_of(st.ms.begin(), st.ms.end(), [](const Mention& x) {
        return x.in->kind == Kind::kPeriod && !x.comparative;
      }))
    r->period = st.question_period;
}

}  // namespace callscope::rules::metrics_detail
