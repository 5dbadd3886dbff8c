package org.plumbline.governance;

import java.util.List;
import java.util.Map;

/**
 * A department, the other names it goes by in files, and its own names for catalogue KPIs.
 *
 * @param localKpiNames the department's name for a KPI (as in its spreadsheets) to the KPI id
 */
public record Department(String code, String name, List<String> aliases, Map<String, String> localKpiNames) {}
