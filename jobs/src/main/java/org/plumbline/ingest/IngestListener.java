package org.plumbline.ingest;

/** Told about each inbox file once its outcome is final (committed and archived or rejected). */
public interface IngestListener {

  void afterFile(FileOutcome outcome);
}
