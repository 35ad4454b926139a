// tema-pdf-reader: reads one PDF from stdin and writes its text to stdout, for
// Tema's importer, which runs it so that a PDF that makes poppler loop or
// crash costs only this process (src/core/import/pdf_apart.h).
// Usage: tema-pdf-reader NAME < FILE.pdf
#include <cstdio>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "import/pdf_apart.h"

int main(int argc, char** argv) {
    const std::string name = argc > 1 ? argv[1] : "stdin.pdf";
    std::ostringstream bytes;
    bytes << std::cin.rdbuf();
    return tema::import::serve_pdf_reader(bytes.str(), name, stdout);
}
