// PDF input: poppler's C++ API extracts the text of every page in reading order (as pdftotext
// does by default), pages separated by form feeds, so layouts see the same text as from pdftotext.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

#include "ingest/ingest.h"

namespace callscope::ingest {

Result<std::string> PdfToText(std::string_view bytes) {
  static const bool kQuiet = [] {  // poppler's warnings about damaged PDFs are not ours to print
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)kQuiet;
  if (bytes.size() > INT_MAX) return Status(Code::kBadInput, "PDF too large");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status(Code::kBadInput, "unreadable PDF (damaged or not a PDF)");
  if (doc->is_locked()) return Status(Code::kBadInput, "PDF is password-protected");
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    if (i > 0) out.push_back('\f');
    out.append(utf8.data(), utf8.size());
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  }
  if (out.find_first_not_of(" \t\r\n\f") == std::string::npos)
    return Status(Code::kBadInput, "PDF has no text layer (scanned images?); run OCR first");
  return out;
}

}  // namespace callscope::ingest
