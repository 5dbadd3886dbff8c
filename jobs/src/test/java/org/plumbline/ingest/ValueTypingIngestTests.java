package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A value is loaded only when it is a number as its source writes numbers, and a period only
 * when it is a plausible date: text that merely looks like one ("1.5" under a decimal comma,
 * "NaN", a two-digit year under a four-digit format) is quarantined with the reason, never
 * loaded ten or a thousand times too large, as NaN, or in the year 25.
 */
class ValueTypingIngestTests {

  private static final String SOURCES = """

      - id: test_comma
        department: QUAL
        kind: self_reported
        format: csv
        files: "comma_*.csv"
        csv: { delimiter: ";", decimal: ",", date_format: "%d.%m.%Y" }
        period: { column: Datum, grain: day }
        metrics:
          - { column: Menge }

      - id: test_point
        system: MES
        kind: system_of_record
        format: csv
        files: "point_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        metrics:
          - { column: qty, name: produced_units }

      - id: test_fractions
        department: PROD
        kind: self_reported
        format: csv
        files: "fractions_*.csv"
        csv: { delimiter: "," }
        period: { column: week, grain: week }
        metrics:
          - { column: Critical parts inspected, unit: fraction }

      - id: test_percent
        department: PROD
        kind: self_reported
        format: csv
        files: "percent_*.csv"
        csv: { delimiter: "," }
        period: { column: week, grain: week }
        metrics:
          - { column: Critical parts inspected }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void underADecimalCommaAPointOnlySeparatesThousands() throws Exception {
    // given a German export with numbers as Excel writes them, and some typed the English way
    home.load(home.deliver("comma_1.csv", "Datum;Menge\n"
        + "06.01.2025;1.234\n"
        + "07.01.2025;1.234,5\n"
        + "08.01.2025;12.345.678,9\n"
        + "09.01.2025;1\u00a0234,5\n"
        + "10.01.2025;-3,25\n"
        + "11.01.2025;1.5\n"
        + "12.01.2025;12.34\n"
        + "13.01.2025;1,234.5\n"
        + "14.01.2025;n/a\n"));

    // then
    assertThat(home.query("select row_number, value_text, value from raw_value order by row_number"))
        .containsExactly(List.of(2, "1.234", 1234.0), List.of(3, "1.234,5", 1234.5),
            List.of(4, "12.345.678,9", 12345678.9), List.of(5, "1\u00a0234,5", 1234.5), List.of(6, "-3,25", -3.25));
    String hint = " as this source writes numbers: with a decimal comma (1.234,5), and \".\" only between groups"
        + " of three digits.";
    assertThat(home.query("select row_number, reason from raw_quarantine order by row_number"))
        .containsExactly(
            List.of(7, "The value \"1.5\" in column \"Menge\" is not a number" + hint),
            List.of(8, "The value \"12.34\" in column \"Menge\" is not a number" + hint),
            List.of(9, "The value \"1,234.5\" in column \"Menge\" is not a number" + hint),
            List.of(10, "The value \"n/a\" in column \"Menge\" is not a number."));
  }

  @Test
  void underADecimalPointACommaOnlySeparatesThousandsAndNothingInfiniteIsANumber() throws Exception {
    // given a system export, with a German-typed value and what pandas writes for missing ratios
    home.load(home.deliver("point_1.csv", "day,qty\n"
        + "2025-01-06,\"1,234.5\"\n"
        + "2025-01-07,1.5\n"
        + "2025-01-08,1e3\n"
        + "2025-01-09,\"1,5\"\n"
        + "2025-01-10,NaN\n"
        + "2025-01-11,-inf\n"
        + "2025-01-12,1e400\n"
        + "2025-01-13,1_000\n"));

    // then
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(2, 1234.5), List.of(3, 1.5), List.of(4, 1000.0));
    assertThat(home.query("select row_number, reason from raw_quarantine order by row_number"))
        .containsExactly(
            List.of(5, "The value \"1,5\" in column \"qty\" is not a number as this source writes numbers: with a"
                + " decimal point (1,234.5), and \",\" only between groups of three digits."),
            List.of(6, "The value \"NaN\" in column \"qty\" is not a number."),
            List.of(7, "The value \"-inf\" in column \"qty\" is not a number."),
            List.of(8, "The value \"1e400\" in column \"qty\" is not a number."),
            List.of(9, "The value \"1_000\" in column \"qty\" is not a number."));
  }

  @Test
  void aTwoDigitYearUnderAFourDigitFormatIsNoPeriod() throws Exception {
    // given a file Excel saved again with a short date format in one row
    home.load(home.deliver("comma_2.csv", "Datum;Menge\n06.01.2025;5\n06.01.25;6\n"));

    // then
    assertThat(home.query("select row_number, period_date from raw_value"))
        .containsExactly(List.of(2, java.time.LocalDate.of(2025, 1, 6)));
    assertThat(home.query("select row_number, reason from raw_quarantine"))
        .containsExactly(List.of(3, "The period \"06.01.25\" in column \"Datum\" is not a date in the format %d.%m.%Y:"
            + " it would be in the year 25."));
  }

  @Test
  void aPlainNumberAboveOneInAColumnOfFractionsIsAPercentageWithoutItsSign() throws Exception {
    // given a CSV export whose fraction column holds fractions, a percentage with its sign, and one without
    home.load(home.deliver("fractions_1.csv", "week,Critical parts inspected\n"
        + "2025-01-06,0.98\n"
        + "2025-01-13,97 %\n"
        + "2025-01-20,96\n"
        + "2025-01-27,1\n"));

    // then the fractions and the percentage load as percent, and 96 (9600 %) is quarantined saying why
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(2, 98.0), List.of(3, 97.0), List.of(5, 100.0));
    assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(
        List.of(4, "The value \"96\" in column \"Critical parts inspected\": 96 in a column of fractions (sources.yml:"
            + " unit: fraction) would be 9600 %; write it as \"96 %\" or as 0.96, or declare unit: percent if the"
            + " column holds percentages."));
  }

  @Test
  void aFigureOutsideItsKpisValidRangeIsQuarantinedSayingWhy() throws Exception {
    // given inspection coverage, which kpis.yml bounds to 0..100 percent, with both bounds, a
    // figure just above the upper one and one below the lower
    home.load(home.deliver("percent_1.csv", "week,Critical parts inspected\n"
        + "2025-01-06,0\n"
        + "2025-01-13,100\n"
        + "2025-01-20,100.4\n"
        + "2025-01-27,-1\n"
        + "2025-02-03,99.5\n"));

    // then the figures within the range load, the two outside are quarantined saying why
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(2, 0.0), List.of(3, 100.0), List.of(6, 99.5));
    assertThat(home.query("select row_number, reason from raw_quarantine order by row_number")).containsExactly(
        List.of(4, "The value \"100.4\" in column \"Critical parts inspected\" reads as 100.4 percent, outside what"
            + " Inspection coverage of critical parts can be: 0 to 100 percent (kpis.yml: valid_range). Check the"
            + " figure, or the unit and scale sources.yml gives this column."),
        List.of(5, "The value \"-1\" in column \"Critical parts inspected\" reads as -1 percent, outside what"
            + " Inspection coverage of critical parts can be: 0 to 100 percent (kpis.yml: valid_range). Check the"
            + " figure, or the unit and scale sources.yml gives this column."));
  }

  @Test
  void percentagesThatLookLikeFractionsLoadAsWrittenAndTheLoadSaysSo() throws Exception {
    // given inspection coverage (percent, target 100) written as fractions in one file, as
    // percentages in another
    FileOutcome fractions = home.load(home.deliver("percent_2.csv", "week,Critical parts inspected\n"
        + "2025-01-06,0.962\n"
        + "2025-01-13,0.97\n"));
    FileOutcome percentages = home.load(home.deliver("percent_3.csv", "week,Critical parts inspected\n"
        + "2025-01-06,96.2\n"
        + "2025-01-13,0.5\n"));

    // then both load as written, and only the first file's delivery carries the note
    assertThat(fractions.rowsLoaded()).isEqualTo(2);
    assertThat(percentages.rowsLoaded()).isEqualTo(2);
    assertThat(home.query("select file_name, reason from file_delivery order by file_name")).containsExactly(
        List.of("percent_2.csv", "all 2 values of Inspection coverage of critical parts in column \"Critical parts"
            + " inspected\" lie between 0 and 1 (largest 0.97) although its target is 100 percent: if the file"
            + " writes fractions (0.96 for 96 %), declare unit: fraction for the column in sources.yml, then read the"
            + " loaded file again with plumbline reload"),
        java.util.Arrays.asList("percent_3.csv", null));
  }
}
