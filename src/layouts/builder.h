// TurnBuilder: the bookkeeping every line-based layout shares. A layout classifies lines; the
// builder opens turns, extends the current run of body text, and cuts it at furniture.
#pragma once

#include <utility>

#include "layouts/layout.h"

namespace callscope::layouts {

class TurnBuilder {
 public:
  TurnBuilder(const Doc& doc, Parsed* out, Wrap wrap = Wrap::kHard) : doc_(doc), out_(out), wrap_(wrap) {}
  ~TurnBuilder() { Close(); }

  void Start(Header who, Section section) {
    Close();
    out_->turns.push_back({});
    RawTurn& t = out_->turns.back();
    t.who = std::move(who);
    t.section = section;
    t.wrap = wrap_;
    open_turn_ = true;
  }
  // A turn whose text is not a span of the document (JSON, token streams).
  void StartOwned(Header who, Section section, std::string text) {
    Start(std::move(who), section);
    out_->turns.back().owned = std::move(text);
    open_turn_ = false;
  }
  // Body text [begin, end) of the current turn; ignored when no turn is open.
  void Add(uint32_t begin, uint32_t end) {
    if (!open_turn_ || begin >= end) return;
    if (!piece_open_) piece_begin_ = begin, piece_open_ = true;
    piece_end_ = end;
  }
  void Line(size_t i) { Add(doc_.span(i).begin, doc_.span(i).end); }
  // Furniture or a heading: the current run of text ends here (the turn goes on).
  void Break() {
    if (piece_open_ && open_turn_) out_->turns.back().pieces.push_back({piece_begin_, piece_end_});
    piece_open_ = false;
  }
  // No turn is open any more (a section heading, the end of the call).
  void Close() {
    Break();
    open_turn_ = false;
  }
  bool open() const { return open_turn_; }
  RawTurn* current() { return open_turn_ ? &out_->turns.back() : nullptr; }

 private:
  const Doc& doc_;
  Parsed* out_;
  Wrap wrap_;
  bool open_turn_ = false, piece_open_ = false;
  uint32_t piece_begin_ = 0, piece_end_ = 0;
};

}  // namespace callscope::layouts
