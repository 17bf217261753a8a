// Ingest: encoding detection, conversion, normalization and offsets back to the input.
#include <doctest/doctest.h>

#include "ingest/ingest.h"

using callscope::Code;
using callscope::ingest::Decode;

TEST_CASE("UTF-8, BOM, CRLF and typographic characters normalize to one spelling") {
  auto a = Decode("Revenue \xE2\x80\x9Cgrew\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s up\xC2\xA0" "5%\r\nNext line\rLast");
  REQUIRE(a.ok());
  CHECK(a->utf8 == "Revenue \"grew\" - it's up 5%\nNext line\nLast");
  CHECK(a->encoding == "UTF-8");
  auto b = Decode("\xEF\xBB\xBFHello");
  REQUIRE(b.ok());
  CHECK(b->utf8 == "Hello");
  CHECK(b->encoding == "UTF-8 (BOM)");
  CHECK(b->InputOffset(0) == 3);
}

TEST_CASE("em dash, ellipsis, ligatures, zero-width characters") {
  auto a = Decode("a\xE2\x80\x94" "b\xE2\x80\xA6 \xEF\xAC\x81nal\xE2\x80\x8B!");
  REQUIRE(a.ok());
  CHECK(a->utf8 == "a--b... final!");
}

TEST_CASE("UTF-16 LE and BE, with and without BOM") {
  std::string le("\xFF\xFEH\0i\0\r\0\n\0\x1C\x20" "x\0\x1D\x20", 16);
  auto a = Decode(le);
  REQUIRE(a.ok());
  CHECK(a->utf8 == "Hi\n\"x\"");
  CHECK(a->encoding == "UTF-16LE");
  std::string be("\0H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d", 22);
  auto b = Decode(be);
  REQUIRE(b.ok());
  CHECK(b->utf8 == "Hello world");
  CHECK(b->encoding == "UTF-16BE");
}

TEST_CASE("Windows-1252 is the fallback for 8-bit text") {
  auto a = Decode("Caf\xE9 \x93quoted\x94 \x80" "5 \x96 ok");
  REQUIRE(a.ok());
  CHECK(a->encoding == "windows-1252");
  CHECK(a->utf8 == "Caf\xC3\xA9 \"quoted\" \xE2\x82\xAC" "5 - ok");
}

TEST_CASE("bad input is an error with a reason, never a crash") {
  CHECK(Decode("").status().code() == Code::kBadInput);
  CHECK(Decode("").status().message() == "empty file");
  CHECK(Decode("\x89PNG\r\n\x1A\n....").status().message() == "binary file (PNG image)");
  CHECK(Decode(std::string("abc\0def", 7)).status().code() == Code::kBadInput);
  // A file with real UTF-8 that then breaks is broken UTF-8, not cp1252.
  auto bad = Decode("caf\xC3\xA9 and \xC3(");
  CHECK(bad.status().message() == "invalid UTF-8 at byte 10");
  auto trunc = Decode("caf\xC3\xA9 then \xE2\x82");
  CHECK(trunc.status().message().rfind("truncated UTF-8", 0) == 0);
  CHECK(Decode(std::string("\xFF\xFEH\0i", 5)).status().message() == "truncated UTF-16LE (odd byte count)");
  CHECK(Decode(std::string("\xFF\xFE\x00\xD8" "a\0", 6)).status().code() == Code::kBadInput);  // lone surrogate
}

TEST_CASE("offsets map back to the input across substitutions") {
  // "\xE2\x80\x99" (3 bytes) becomes "'" (1 byte): later offsets shift by 2.
  std::string in = "it\xE2\x80\x99s here";
  auto a = Decode(in);
  REQUIRE(a.ok());
  size_t h = a->utf8.find("here");
  CHECK(a->InputOffset(static_cast<uint32_t>(h)) == in.find("here"));
  CHECK(a->InputOffset(0) == 0);
}

TEST_CASE("sha256") {
  CHECK(callscope::ingest::Sha256Hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
