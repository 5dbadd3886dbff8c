package org.plumbline.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A rendered PDF's text as tests compare it: line breaks fall wherever the layout puts them, so
 * white space is folded to single spaces, or dropped where a table may wrap inside a word (a
 * finding key at its column's edge).
 */
public final class PdfText {

  private PdfText() {}

  /** The whole document's text with single spaces. */
  public static String of(Path pdf) throws IOException {
    return singleSpaced(raw(pdf));
  }

  /** The whole document's text without white space. */
  public static String withoutSpaces(Path pdf) throws IOException {
    return withoutSpaces(raw(pdf));
  }

  /** Each page's text with single spaces, in page order (the first page at index 0). */
  public static List<String> pages(Path pdf) throws IOException {
    List<String> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(singleSpaced(stripper.getText(document)));
      }
    }
    return pages;
  }

  /** Text with every run of white space as one space. */
  public static String singleSpaced(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /** Text with no white space, to hold against {@link #withoutSpaces(Path)}. */
  public static String withoutSpaces(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String raw(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }
}
