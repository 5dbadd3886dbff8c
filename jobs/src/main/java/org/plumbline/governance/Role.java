package org.plumbline.governance;

/** A role that can own KPIs and policies; whether it may pause the process it governs. */
public record Role(String id, String title, String departmentCode, boolean canPauseProcess) {}
