package org.plumbline.governance;

/**
 * A source column that holds personal or sensitive data, and how the analysts' snapshot treats
 * it. The working warehouse keeps the text as delivered (operators only); the snapshot either
 * masks it (the value becomes a marker, so analysts see that a value was there) or drops it
 * (the value becomes null).
 *
 * @param sourceId the source in sources.yml
 * @param column the header of the column in the source's files
 */
public record ConfidentialColumn(String sourceId, String column, DataKind kind, Treatment analysts) {

  /** Personal data names or identifies a person; sensitive data is confidential business data. */
  public enum DataKind { PERSONAL, SENSITIVE }

  /** What the analysts' snapshot shows in place of the value. */
  public enum Treatment { MASK, DROP }
}
