package org.plumbline.delivery;

import java.util.Locale;

/** The subject and body of a report e-mail, in the report's language (plumbline.report.language). */
final class MailText {

  private final boolean german;
  private final String company;

  MailText(Locale locale, String company) {
    this.german = Locale.GERMAN.getLanguage().equals(locale.getLanguage());
    this.company = company;
  }

  String subject(ReportMail mail) {
    String asOf = mail.asOf() == null ? "" : (german ? " – Stand " : " – as of ") + mail.asOf();
    if (mail.department() == null) {
      return company + (german ? ": Policy vs. Umsetzung, Management-Bericht" : ": policy vs execution, executive summary")
          + asOf;
    }
    return company + (german ? ": Policy vs. Umsetzung, Bericht " : ": policy vs execution, report for ")
        + mail.department() + asOf;
  }

  String body(ReportMail mail) {
    if (german) {
      return "Guten Tag,\n\nim Anhang: " + mail.reportFile() + ".\n\nDie vollständigen Listen (Befunde, Quarantäne)"
          + " liegen als CSV neben dem PDF im Ausgangsordner von Plumbline.\n\n-- \nPlumbline, automatisch versandt"
          + (mail.list() == null ? "" : " an die Verteilerliste '" + mail.list() + "'") + ".\n";
    }
    return "Hello,\n\nattached: " + mail.reportFile() + ".\n\nThe full lists (findings, quarantine) are beside the PDF"
        + " as CSV files in Plumbline's outbox.\n\n-- \nPlumbline, sent automatically"
        + (mail.list() == null ? "" : " to the distribution list '" + mail.list() + "'") + ".\n";
  }
}
