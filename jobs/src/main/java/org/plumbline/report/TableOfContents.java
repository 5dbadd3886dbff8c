package org.plumbline.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The printed table of contents, filled while the report fills: each section heading is
 * evaluated when its page is complete ({@code evaluationTime="Page"}) and records that page
 * here; the contents page, evaluated when the whole report is complete
 * ({@code evaluationTime="Report"}), reads the page numbers back. One instance per rendering.
 */
public final class TableOfContents {

  private final Map<String, Integer> pages = new LinkedHashMap<>();

  /** Records that the section {@code anchor} starts on {@code page}, and returns its heading to print. */
  public String heading(String anchor, Integer page, String title) {
    pages.put(anchor, page);
    return title;
  }

  /** The page the section {@code anchor} starts on, or a dash for a section the report did not print. */
  public String page(String anchor) {
    Integer page = pages.get(anchor);
    return page == null ? "–" : page.toString();
  }

  /** The sections in the order their headings were printed, with their pages. */
  public Map<String, Integer> pages() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pages));
  }
}
