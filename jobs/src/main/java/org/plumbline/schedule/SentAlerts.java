package org.plumbline.schedule;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which alerts were sent, in the job repository's database, so each goes out once. */
final class SentAlerts {

  private final JdbcTemplate jdbc;

  SentAlerts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.execute("create table if not exists plumbline_alert (job_execution_id bigint not null, "
        + "kind varchar(20) not null, sent_at timestamp not null, primary key (job_execution_id, kind))");
  }

  /** Records the alert; false if it was sent before. */
  boolean markSent(long executionId, String kind) {
    try {
      jdbc.update("insert into plumbline_alert (job_execution_id, kind, sent_at) values (?, ?, current_timestamp)",
          executionId, kind);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
