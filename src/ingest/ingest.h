// Stage 1 of the pipeline: bytes in any supported encoding -> one normalized UTF-8 buffer.
// Normalizes line endings, spaces, quotes, dashes and ligatures so the later stages match one
// spelling, and keeps checkpoints back to input byte offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "callscope/status.h"

namespace callscope::ingest {

struct Text {
  std::string utf8;      // normalized: '\n' line ends, ASCII quotes/dashes/spaces, NFC
  std::string encoding;  // what the input was detected as
  // (normalized offset, input offset) pairs; between two checkpoints offsets advance together.
  // Exact for UTF-8 input; line-precise for converted encodings.
  std::vector<std::pair<uint32_t, uint64_t>> checkpoints;

  uint64_t InputOffset(uint32_t normalized_offset) const;
};

// Detects the encoding and normalizes. Errors (kBadInput) name the reason, e.g.
// "binary file (PNG image)", "invalid UTF-8 at byte 1234", "empty file".
Result<Text> Decode(std::string_view bytes);

// The text of a PDF, page by page in reading order, pages separated by '\f' (pdf.cc, poppler).
Result<std::string> PdfToText(std::string_view bytes);

// Hex SHA-256 of the bytes (for Source::sha256 and batch de-duplication).
std::string Sha256Hex(std::string_view bytes);

}  // namespace callscope::ingest
