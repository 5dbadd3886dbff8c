package org.plumbline.erasure;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The text of a PDF, page by page, through OpenPDF (which JasperReports writes them with): a
 * PDF's bytes are compressed, so a name in a report is found only in its extracted text.
 */
final class PdfText {

  private PdfText() {}

  static String of(Path pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf.toString());
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString();
    } finally {
      reader.close();
    }
  }
}
