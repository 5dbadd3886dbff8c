package org.plumbline.governance;

import java.util.List;

/**
 * A pairing to watch for the compliance mirage: an audit or compliance score that stays at or
 * above its floor while what customers and the line feel (complaints, scrap, returns, rework)
 * trends significantly upward over the same window.
 *
 * @param scoreFloor the score counts as "passing" while every week of the window is at or above it
 * @param watchKpis the KPIs whose significant upward trend contradicts the score
 */
public record ComplianceMirage(
    String id,
    String scoreKpi,
    double scoreFloor,
    List<String> watchKpis,
    ControlChart.TrendTest trend,
    Policy.Severity severity) {}
