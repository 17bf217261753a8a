// Encoding detection (BOM, UTF-16 NUL pattern, UTF-8 validity, cp1252 fallback), conversion via
// ICU converters, and one normalization pass. The UTF-8 path never leaves the byte loop for
// ASCII, which is nearly all of a transcript.
#include "ingest/ingest.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace callscope::ingest {
namespace {

// Known binary formats, so the error says what the file is rather than "invalid UTF-8".
const char* BinaryKind(std::string_view b) {
  auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("\x89PNG")) return "PNG image";
  if (starts("\xFF\xD8\xFF")) return "JPEG image";
  if (starts("GIF8")) return "GIF image";
  if (starts("%PDF-")) return "PDF document; convert it to text first (pdftotext)";
  if (starts("PK\x03\x04")) return "ZIP archive or Office document";
  if (starts("\x1F\x8B")) return "gzip archive";
  if (starts("\x7F" "ELF")) return "executable";
  if (starts("SQLite format 3")) return "SQLite database";
  if (starts("\xD0\xCF\x11\xE0")) return "legacy Office document";
  return nullptr;
}

// UTF-16 without a BOM: English text has a NUL in every other byte.
int GuessUtf16(std::string_view b) {
  size_t n = std::min<size_t>(b.size(), 4096) & ~size_t{1};
  if (n < 4) return 0;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += b[i] == 0;
    odd += b[i + 1] == 0;
  }
  size_t half = n / 2;
  if (odd * 10 > half * 6 && even * 10 < half) return 1;   // LE: "a\0"
  if (even * 10 > half * 6 && odd * 10 < half) return 2;   // BE: "\0a"
  return 0;
}

struct Utf8Check {
  bool valid = true;
  bool truncated = false;  // only the final sequence is incomplete
  size_t bad_at = 0;
  size_t multibyte = 0;    // well-formed non-ASCII sequences seen
};

Utf8Check CheckUtf8(std::string_view b) {
  Utf8Check r;
  const auto* s = reinterpret_cast<const uint8_t*>(b.data());
  int32_t n = static_cast<int32_t>(b.size());
  int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      r.valid = false;
      r.bad_at = static_cast<size_t>(at);
      // Truncated: a lead byte whose missing trail bytes run past the end.
      r.truncated = i >= n && U8_COUNT_TRAIL_BYTES(s[at]) > n - at - 1;
      return r;
    }
    ++r.multibyte;
  }
  return r;
}

// Appends the normalized form of code point c. Returns false if c is dropped.
inline void AppendNormalized(std::string& out, UChar32 c) {
  switch (c) {
    case 0x00A0: case 0x2007: case 0x202F: case 0x2009: case 0x200A: case 0x2002:
    case 0x2003: case 0x2004: case 0x2005: case 0x2006: case 0x2008: case 0x3000:
      out.push_back(' ');
      return;
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD: case 0x2060:
      return;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
      out.push_back('\'');
      return;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      out.push_back('"');
      return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D:
      out.push_back('-');
      return;
    case 0x2014: case 0x2015:
      out.append("--");
      return;
    case 0x2026:
      out.append("...");
      return;
    case 0x2022: case 0x25CF: case 0x25AA: case 0x00B7:
      out.push_back('*');
      return;
    case 0xFB00: out.append("ff"); return;
    case 0xFB01: out.append("fi"); return;
    case 0xFB02: out.append("fl"); return;
    case 0xFB03: out.append("ffi"); return;
    case 0xFB04: out.append("ffl"); return;
    case 0x2028: case 0x2029: case 0x0085:
      out.push_back('\n');
      return;
    default:
      break;
  }
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\f') {
    out.push_back(' ');
    return;
  }
  if (c == 0x7F || (c >= 0x80 && c < 0xA0)) {
    out.push_back(' ');
    return;
  }
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(len));
}

class Normalizer {
 public:
  Normalizer(Text* t, size_t reserve, bool exact) : t_(t), exact_(exact) { t_->utf8.reserve(reserve); }

  // Feeds one code point that started at input byte `in`.
  void Put(UChar32 c, uint64_t in) {
    std::string& out = t_->utf8;
    if (c == '\r') {
      pending_cr_ = true;
      Mark(in);
      out.push_back('\n');
      return;
    }
    if (c == '\n' && pending_cr_) {  // the '\n' of a CRLF: already emitted
      pending_cr_ = false;
      return;
    }
    pending_cr_ = false;
    if (c >= 0x0300 && c <= 0x036F) combining_ = true;
    if (exact_ || last_was_newline_) Mark(in);
    last_was_newline_ = c == '\n';
    if (c < 0x80 && c >= 0x20 && c != 0x7F) {
      out.push_back(static_cast<char>(c));
      return;
    }
    AppendNormalized(out, c);
  }
  bool saw_combining() const { return combining_; }


  // Records that input offset `in` maps to the current end of the output, if the delta changed.
  void Mark(uint64_t in) {
    auto out = static_cast<uint32_t>(t_->utf8.size());
    auto& cp = t_->checkpoints;
    if (!cp.empty() && in - cp.back().second == out - cp.back().first) return;  // same delta
    cp.emplace_back(out, in);
  }

  Text* t_;
  bool exact_;
  bool pending_cr_ = false;
  bool combining_ = false;
  bool last_was_newline_ = true;
};

void NormalizeUtf8(std::string_view b, size_t skip, Text* t) {
  Normalizer norm(t, b.size(), /*exact=*/true);
  const auto* s = reinterpret_cast<const uint8_t*>(b.data());
  auto n = static_cast<int32_t>(b.size());
  std::string& out = t->utf8;
  int32_t i = static_cast<int32_t>(skip);
  norm.Put(0xFEFF, i);  // anchors the first checkpoint; U+FEFF itself is dropped
  while (i < n) {
    // Fast path: printable ASCII other than '\r' copies straight through.
    int32_t j = i;
    while (j < n && s[j] >= 0x20 && s[j] < 0x7F) ++j;
    if (j > i) {
      out.append(reinterpret_cast<const char*>(s + i), static_cast<size_t>(j - i));
      i = j;
      if (i >= n) break;
    }
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    norm.Put(c < 0 ? 0xFFFD : c, static_cast<uint64_t>(at));
    norm.Mark(static_cast<uint64_t>(i));  // the next byte's position, after a substitution
  }
  if (norm.saw_combining()) {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
    if (U_SUCCESS(st)) {
      auto u = icu::UnicodeString::fromUTF8(out);
      icu::UnicodeString r = nfc->normalize(u, st);
      if (U_SUCCESS(st)) {
        out.clear();
        r.toUTF8String(out);
      }
    }
  }
}

Status ConvertWithIcu(std::string_view b, size_t skip, const char* charset, Text* t) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(charset, &st), ucnv_close);
  if (U_FAILURE(st)) return {Code::kInternal, std::string("ICU converter unavailable: ") + charset};
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
  std::vector<UChar> u(b.size() + 1);
  std::vector<int32_t> offs(b.size() + 1);
  UChar* target = u.data();
  int32_t* offp = offs.data();
  const char* src = b.data() + skip;
  ucnv_toUnicode(cnv.get(), &target, u.data() + u.size(), &src, b.data() + b.size(), offp, true, &st);
  if (U_FAILURE(st)) {
    size_t at = static_cast<size_t>(src - b.data());
    bool trunc = st == U_TRUNCATED_CHAR_FOUND;
    return {Code::kBadInput, std::string(trunc ? "truncated " : "invalid ") + charset +
                                 " at byte " + std::to_string(at)};
  }
  auto n = static_cast<int32_t>(target - u.data());
  Normalizer norm(t, static_cast<size_t>(n) + n / 8, /*exact=*/false);
  for (int32_t i = 0; i < n;) {
    int32_t at = i;
    UChar32 c;
    U16_NEXT(u.data(), i, n, c);
    if (U_IS_SURROGATE(c)) return {Code::kBadInput, std::string("invalid ") + charset + " (unpaired surrogate)"};
    norm.Put(c, skip + static_cast<uint64_t>(offs[at]));
  }
  return Status::Ok();
}

// Text that is mostly control characters is binary even if it decodes.
bool LooksBinary(std::string_view b) {
  size_t ctl = 0, n = std::min<size_t>(b.size(), 1 << 16);
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(b[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++ctl;
  }
  return ctl * 100 > n;  // over 1%
}

}  // namespace

uint64_t Text::InputOffset(uint32_t o) const {
  if (checkpoints.empty()) return o;
  auto it = std::upper_bound(checkpoints.begin(), checkpoints.end(), o,
                             [](uint32_t v, const auto& cp) { return v < cp.first; });
  if (it == checkpoints.begin()) return o;
  --it;
  return it->second + (o - it->first);
}

Result<Text> Decode(std::string_view b) {
  if (b.empty()) return Status(Code::kBadInput, "empty file");
  if (b.substr(0, 5) == "%PDF-") {  // PDF files: their text layer, then the same normalization
    auto pdf = PdfToText(b);
    if (!pdf.ok()) return pdf.status();
    auto text = Decode(*pdf);
    if (text.ok()) text->encoding = "PDF";
    return text;
  }
  if (const char* kind = BinaryKind(b)) return Status(Code::kBadInput, std::string("binary file (") + kind + ")");
  Text t;
  auto starts = [&](std::string_view m) { return b.substr(0, m.size()) == m; };
  const char* utf16 = nullptr;
  size_t skip = 0;
  if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4))) {
    return Status(Code::kBadInput, "UTF-32 is not supported; save the file as UTF-8");
  } else if (starts("\xEF\xBB\xBF")) {
    t.encoding = "UTF-8 (BOM)";
    skip = 3;
  } else if (starts("\xFF\xFE")) {
    utf16 = "UTF-16LE", skip = 2;
  } else if (starts("\xFE\xFF")) {
    utf16 = "UTF-16BE", skip = 2;
  } else if (int g = GuessUtf16(b)) {
    utf16 = g == 1 ? "UTF-16LE" : "UTF-16BE";
  }
  if (utf16) {
    if ((b.size() - skip) % 2) return Status(Code::kBadInput, std::string("truncated ") + utf16 + " (odd byte count)");
    t.encoding = utf16;
    if (Status s = ConvertWithIcu(b, skip, utf16, &t); !s.ok()) return s;
    if (t.utf8.find('\0') != std::string::npos || LooksBinary(t.utf8))
      return Status(Code::kBadInput, "binary content in UTF-16 text");
    return t;
  }
  if (LooksBinary(b)) return Status(Code::kBadInput, "binary file (NUL or control bytes)");
  Utf8Check chk = CheckUtf8(b.substr(skip));
  if (chk.valid) {
    if (t.encoding.empty()) t.encoding = chk.multibyte ? "UTF-8" : "ASCII";
    NormalizeUtf8(b, skip, &t);
    return t;
  }
  // Invalid UTF-8: if the file has well-formed multi-byte sequences or a BOM it claims to be
  // UTF-8 and is broken; otherwise it is a legacy 8-bit file, read as Windows-1252.
  if (skip || chk.multibyte > 0 || chk.truncated) {
    return Status(Code::kBadInput, std::string(chk.truncated ? "truncated" : "invalid") +
                                       " UTF-8 at byte " + std::to_string(chk.bad_at + skip));
  }
  t.encoding = "windows-1252";
  if (Status s = ConvertWithIcu(b, 0, "windows-1252", &t); !s.ok()) return s;
  return t;
}

}  // namespace callscope::ingest
