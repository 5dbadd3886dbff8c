package org.plumbline.erasure;

/**
 * One place an erasure changed.
 *
 * @param place a ledger table ("ledger raw_row") or a file relative to the home folder
 * @param items rows or files changed (or removed)
 * @param occurrences values or text passages replaced
 */
public record Erased(String place, long items, long occurrences) {}
