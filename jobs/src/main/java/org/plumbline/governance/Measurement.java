package org.plumbline.governance;

import java.util.Map;

/**
 * How a KPI is computed from a system-of-record source, per period:
 * {@code sum(numerator) / sum(denominator) * scale} over the rows matching {@code filter},
 * or {@code sum(numerator) * scale} without a denominator.
 *
 * @param filter attribute (part_id, part_class, lot_id) to the value a row must have
 */
public record Measurement(
    String sourceId, String numerator, String denominator, double scale, Map<String, String> filter) {}
