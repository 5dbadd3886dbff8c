package org.plumbline.governance;

/** Two KPIs that pull against each other (throughput against inspection coverage), and why. */
public record Tension(String id, String kpiA, String kpiB, String explanation) {}
