package org.plumbline.delivery;

import java.time.LocalDateTime;

/**
 * What became of one {@link ReportMail}: sent or failed (with the reason in plain words), after
 * how many attempts, and when.
 */
public record Outcome(ReportMail mail, String reportSha256, boolean sent, int attempts, String reason,
    LocalDateTime firstAttemptAt, LocalDateTime finishedAt) {}
