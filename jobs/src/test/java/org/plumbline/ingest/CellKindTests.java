package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A number cell's kind by its number format, as Excel shows it: a percentage, a date, a duration, or a plain number. */
class CellKindTests {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      General               | n
      0.00                  | n
      #,##0 "Stk"           | n
      "KW" 00               | n
      0.00E+00              | n
      #,##0.00 "h"          | n
      0%                    | p
      0.0%                  | p
      [Red]0.0%;-0.0%       | p
      dd.mm.yyyy            | d
      mmm yyyy              | d
      dd.mm.yyyy hh:mm      | d
      [$-407]d. mmmm yyyy   | d
      [h]:mm                | t
      [mm]:ss               | t
      h:mm                  | t
      hh:mm:ss              | t
      mm:ss                 | t
      """)
  void aCustomFormatIsClassifiedByWhatItShows(String format, char kind) {
    // given a custom number format (numFmtId 164 and up), when classified, then
    assertThat(CellKind.ofNumberFormat(164, format)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "built-in {0} is {1}")
  @CsvSource({"0, n", "2, n", "9, p", "10, p", "14, d", "17, d", "22, d", "18, t", "20, t", "45, t", "46, t"})
  void aBuiltInFormatIsKnownByItsNumber(int id, char kind) {
    // given a built-in format, which a workbook names by number only, when classified, then
    assertThat(CellKind.ofNumberFormat(id, null)).isEqualTo(kind);
  }
}
