package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an XLSX file before any XML parser sees it. fastexcel-reader parses the parts with
 * StAX; rather than rely on how it treats DTDs, a workbook that declares a DOCTYPE anywhere
 * (the only way to write an XML entity bomb or an external entity) is rejected, and so is
 * a zip whose parts would inflate beyond a sane size or ratio (a zip bomb). Legacy .xls and
 * password-protected workbooks are OLE2 files, not zips: {@link #isOle2} tells them apart
 * first, and {@link XlsFileReader} reads or rejects them.
 */
final class WorkbookGuard {

  /** No real departmental workbook part comes near this once inflated. */
  static final long MAX_PART_BYTES = 1L << 30;
  /** Spreadsheet XML compresses well, but not a thousandfold over megabytes. */
  static final long MAX_RATIO = 1000;
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private WorkbookGuard() {}

  /** An OLE2 compound file: a legacy .xls workbook, or an encrypted .xlsx inside its envelope. */
  static boolean isOle2(Path file) throws FileRejectedException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, 4) == 4 && java.util.Arrays.equals(head, OLE2);
    } catch (IOException e) {
      throw new FileRejectedException("It could not be read: " + e.getMessage(), e);
    }
  }

  /** Whether the workbook has a styles part (cell formats); XLSX allows leaving it out. */
  static boolean hasStyles(Path file) throws FileRejectedException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return zip.stream().anyMatch(e -> e.getName().toLowerCase(Locale.ROOT).matches("xl/[^/]*styles[^/]*\\.xml"));
    } catch (IOException e) {
      throw new FileRejectedException("It is not a valid XLSX workbook (not a readable zip file: "
          + e.getMessage() + ").", e);
    }
  }

  static void check(Path file) throws FileRejectedException {
    try {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        java.util.Set<String> names = new java.util.HashSet<>();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          if (!names.add(entry.getName())) {
            throw new FileRejectedException("It holds two parts named " + entry.getName()
                + ", so which one Excel would show is ambiguous; it is not a workbook Excel wrote.");
          }
          checkSize(zip, entry);
          if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml")
              || entry.getName().toLowerCase(Locale.ROOT).endsWith(".rels")) {
            checkNoDoctype(zip, entry);
          }
          if (entry.getName().equals("xl/workbook.xml")) {
            checkTransitional(zip, entry);
          }
        }
      }
    } catch (IOException e) {
      throw new FileRejectedException(isOldBiff(file)
          ? "It is a workbook from Excel 4.0 or older, a format Plumbline does not read; open it in Excel, save it"
              + " as an Excel Workbook (*.xlsx) and deliver that."
          : "It is not a valid XLSX workbook (not a readable zip file: " + e.getMessage() + ").", e);
    }
  }

  /** A bare BIFF2-4 stream (Excel 2.x to 4.0) starts with a BOF record: 0x09 then 0x00, 0x02 or 0x04. */
  private static boolean isOldBiff(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04);
    } catch (IOException e) {
      return false;
    }
  }

  private static void checkSize(ZipFile zip, ZipEntry entry) throws IOException, FileRejectedException {
    // Declared sizes can lie, so the part is also inflated (and thrown away) up to the limit.
    long inflated = 0;
    byte[] buffer = new byte[1 << 16];
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    try (InputStream in = zip.getInputStream(entry)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        inflated += n;
        crc.update(buffer, 0, n);
        long compressed = Math.max(entry.getCompressedSize(), 1);
        if (inflated > MAX_PART_BYTES || (inflated > (1 << 24) && inflated / compressed > MAX_RATIO)) {
          throw new FileRejectedException("Its part " + entry.getName() + " inflates to more than "
              + Math.min(inflated, MAX_PART_BYTES) / (1 << 20) + " MB from " + compressed / 1024
              + " KB: a zip bomb, or not a workbook a department wrote.");
        }
      }
    }
    if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
      throw new FileRejectedException("Its part " + entry.getName() + " is corrupt (its checksum does not match);"
          + " ask for the workbook to be saved again.");
    }
  }

  /** Transitional OOXML is what Excel writes; Strict OOXML and Office 2007 beta files read as empty. */
  private static void checkTransitional(ZipFile zip, ZipEntry entry) throws IOException, FileRejectedException {
    try (InputStream in = zip.getInputStream(entry)) {
      String start = new String(in.readNBytes(8192), StandardCharsets.ISO_8859_1);
      if (!start.contains("http://schemas.openxmlformats.org/spreadsheetml/2006/main")) {
        throw new FileRejectedException("Its workbook part is not in the spreadsheet format Excel saves by default"
            + " (Strict Open XML or a pre-release format), which would read as empty; save it in Excel as an"
            + " \"Excel Workbook (*.xlsx)\" and deliver that.");
      }
    }
  }

  private static void checkNoDoctype(ZipFile zip, ZipEntry entry) throws IOException, FileRejectedException {
    try (InputStream in = zip.getInputStream(entry)) {
      // A DOCTYPE must come before the root element, so the start of the part is enough.
      String start = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
      String afterDeclaration = start.replace("\u00EF\u00BB\u00BF", "").replaceFirst("^\\s*<\\?xml[^>]*\\?>", "").strip();
      if (!start.isBlank() && !afterDeclaration.startsWith("<")) {
        throw new FileRejectedException("Its part " + entry.getName() + " is not XML; the workbook is corrupt.");
      }
      int root = firstElement(start);
      if (start.substring(0, root).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
        throw new FileRejectedException("Its part " + entry.getName() + " declares a DOCTYPE, which no Excel"
            + " workbook does and which can hide an entity bomb or fetch outside files; it was not parsed.");
      }
    }
  }

  /** Where the root element starts: the first '<' not followed by '?' or '!'. */
  private static int firstElement(String text) {
    for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
      char next = text.charAt(i + 1);
      if (next != '?' && next != '!') {
        return i;
      }
    }
    return text.length();
  }
}
