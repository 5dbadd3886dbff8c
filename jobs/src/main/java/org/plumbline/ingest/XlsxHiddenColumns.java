package org.plumbline.ingest;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The columns a worksheet of an XLSX workbook hides: its {@code <cols>} ranges marked
 * {@code hidden}, which fastexcel-reader does not expose (it gives each row's hidden flag, not the
 * columns'). They come before the cells ({@code <sheetData>}), so the start of the sheet's part is
 * read and the reading stops there: the cells are parsed once, by fastexcel-reader. The part is
 * found as fastexcel-reader finds it, whose lookup is not public: the workbook part that
 * {@code [Content_Types].xml} names (else xl/workbook.xml), then in that part's relationships (the
 * workbook's rels) the target of the sheet's id. Parsed with the parser fastexcel-reader uses and
 * brings along (aalto; DTDs off, so a part either reads alike in both or is rejected alike), after
 * {@link WorkbookGuard} has checked every part: no DOCTYPE, a bounded size. Memory is bounded too:
 * however many ranges a crafted part lists, they are kept as one bit a column up to Excel's last.
 */
final class XlsxHiddenColumns {

  /** Column XFD, Excel's last: a range beyond it (only a crafted file has one) is cut there. */
  static final int LAST_COLUMN = 16_384;

  private static final String MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  private static final String MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  private static final XMLInputFactory XML = factory();

  /** A run of hidden columns, 1 for column A, both ends included. */
  record Range(int first, int last) {}

  private XlsxHiddenColumns() {}

  /**
   * The hidden columns of the sheet with relationship id {@code sheetId} (fastexcel-reader's
   * {@code Sheet.getId()}), in order, adjacent ranges joined; none when the part cannot be found
   * (fastexcel-reader then rejects the file, saying so).
   */
  static List<Range> of(Path file, String sheetId) throws IOException, XMLStreamException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String workbook = workbookPart(zip);
      String folder = workbook.substring(0, workbook.lastIndexOf('/') + 1);
      String sheet = sheetTarget(zip, folder + "_rels/" + workbook.substring(folder.length()) + ".rels", sheetId);
      ZipEntry part = sheet == null ? null : entry(zip, sheet.startsWith("/") ? sheet : folder + sheet);
      return part == null ? List.of() : hiddenColumns(zip, part);
    }
  }

  private static String workbookPart(ZipFile zip) throws IOException, XMLStreamException {
    ZipEntry types = entry(zip, "[Content_Types].xml");
    if (types != null) {
      try (InputStream in = zip.getInputStream(types)) {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
          while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "Override".equals(xml.getLocalName())) {
              String type = xml.getAttributeValue(null, "ContentType");
              if (MAIN.equals(type) || MACRO_MAIN.equals(type)) {
                return xml.getAttributeValue(null, "PartName");
              }
            }
          }
        } finally {
          xml.close();
        }
      }
    }
    return "/xl/workbook.xml";
  }

  private static String sheetTarget(ZipFile zip, String rels, String sheetId) throws IOException, XMLStreamException {
    ZipEntry entry = entry(zip, rels);
    if (entry == null || sheetId == null) {
      return null;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader xml = XML.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())
              && sheetId.equals(xml.getAttributeValue(null, "Id"))) {
            return xml.getAttributeValue(null, "Target");
          }
        }
        return null;
      } finally {
        xml.close();
      }
    }
  }

  /** Reads the part up to {@code <sheetData>}: sheet properties, views, the default sizes and the columns. */
  private static List<Range> hiddenColumns(ZipFile zip, ZipEntry part) throws IOException, XMLStreamException {
    BitSet hidden = new BitSet();
    try (InputStream in = zip.getInputStream(part)) {
      XMLStreamReader xml = XML.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          if ("sheetData".equals(xml.getLocalName())) {
            break;
          }
          if ("col".equals(xml.getLocalName()) && isTrue(xml.getAttributeValue(null, "hidden"))) {
            int first = column(xml.getAttributeValue(null, "min"));
            int last = column(xml.getAttributeValue(null, "max"));
            if (first > 0 && last >= first) {
              hidden.set(first, last + 1);
            }
          }
        }
      } finally {
        xml.close();
      }
    }
    List<Range> ranges = new ArrayList<>();
    for (int first = hidden.nextSetBit(1); first > 0; first = hidden.nextSetBit(hidden.nextClearBit(first))) {
      ranges.add(new Range(first, hidden.nextClearBit(first) - 1));
    }
    return ranges;
  }

  /** A column number of a {@code <col>} range, cut at {@link #LAST_COLUMN}; 0 for no number. */
  private static int column(String text) {
    try {
      return text == null ? 0 : Math.min(Integer.parseInt(text.trim()), LAST_COLUMN);
    } catch (NumberFormatException e) {
      return 0; // Excel writes none; fastexcel-reader reads such a file without the columns, and so does this
    }
  }

  /** An XML Schema boolean: "1" or "true". */
  private static boolean isTrue(String text) {
    return text != null && (text.equals("1") || text.equals("true"));
  }

  /** The part by its name without the leading slash; by any case where that is missing, as fastexcel-reader. */
  private static ZipEntry entry(ZipFile zip, String name) {
    String path = name.startsWith("/") ? name.substring(1) : name;
    ZipEntry exact = zip.getEntry(path);
    if (exact != null) {
      return exact;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    return zip.stream().filter(e -> e.getName().toLowerCase(Locale.ROOT).equals(lower)).findFirst().orElse(null);
  }

  /** As fastexcel-reader's own: no DTDs and no external entities (WorkbookGuard has already refused a DOCTYPE). */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = new InputFactoryImpl();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
