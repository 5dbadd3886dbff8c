package org.plumbline.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * A quality initiative (a redesign, a process improvement, a training) and the KPIs it is meant
 * to move, so a change in a KPI can be told apart from the effect of a known initiative.
 *
 * @param kind redesign, process_improvement, training or other
 */
public record Initiative(String id, String name, String kind, LocalDate startDate, List<String> kpiIds,
    String expectedEffect, String ownerRole) {}
