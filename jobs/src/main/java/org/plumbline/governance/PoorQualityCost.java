package org.plumbline.governance;

/**
 * One category of the cost of poor quality (scrap, rework, complaints, recalls…) and the money
 * measure of a system-of-record source that holds it.
 */
public record PoorQualityCost(String category, String sourceId, String measure) {}
