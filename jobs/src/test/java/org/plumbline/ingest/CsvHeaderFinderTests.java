package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A header line's fields are the columns DuckDB's reader will name: split by the same quoting rule. */
class CsvHeaderFinderTests {

  @Test
  void quotedFieldsKeepTheirDelimitersAndDoubledQuotes() {
    assertThat(CsvHeaderFinder.fields("\"Menge; Stück\";\"Ventil 1/2\"\"\";Tag", ';', '"'))
        .containsExactly("Menge; Stück", "Ventil 1/2\"", "Tag");
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() {
    assertThat(CsvHeaderFinder.fields("Tag,Ventil 1/2\",Menge,Zoll \"x\"", ',', '"'))
        .containsExactly("Tag", "Ventil 1/2\"", "Menge", "Zoll \"x\"");
  }

  @Test
  void aQuoteAfterOneSpaceOpensAQuotedFieldAfterTwoSpacesOrATabItIsText() {
    assertThat(CsvHeaderFinder.fields("a, \"b,c\" ,d,  \"e,f\",\t\"g,h\"", ',', '"'))
        .containsExactly("a", "b,c", "d", "\"e", "f\"", "\"g", "h\"");
  }

  @Test
  void aBackslashEscapesTheQuoteInsideQuotes() {
    assertThat(CsvHeaderFinder.fields("\"say \\\"hi\\\"\",\"a\\\\b\",c", ',', '\\'))
        .containsExactly("say \"hi\"", "a\\b", "c");
  }

  @Test
  void fieldsAreTrimmedAndEmptyOnesKept() {
    assertThat(CsvHeaderFinder.fields(" Tag ,, \" Menge \" ,", ',', '"')).containsExactly("Tag", "", "Menge", "");
  }
}
