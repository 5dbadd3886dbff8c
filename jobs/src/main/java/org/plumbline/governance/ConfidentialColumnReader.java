package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

import org.plumbline.governance.ConfidentialColumn.DataKind;
import org.plumbline.governance.ConfidentialColumn.Treatment;

/** Reads one entry of {@code confidentiality}. */
final class ConfidentialColumnReader {

  private ConfidentialColumnReader() {}

  static ConfidentialColumn read(Block entry) {
    String source = entry.text("source", REQUIRED);
    String column = entry.text("column", REQUIRED);
    DataKind kind = entry.choice("kind", DataKind.class, REQUIRED);
    // Masking is the default: an analyst still sees that a value was there, never what it was.
    Treatment analysts = entry.has("analysts") ? entry.choice("analysts", Treatment.class, REQUIRED) : Treatment.MASK;
    return new ConfidentialColumn(source, column, kind, analysts == null ? Treatment.MASK : analysts);
  }
}
