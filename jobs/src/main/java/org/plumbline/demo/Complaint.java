package org.plumbline.demo;

import java.time.LocalDate;

/**
 * One CRM complaint. {@code contactName} is a person's name (personal data);
 * {@code defectRate} is known only when the customer measured it, otherwise null.
 */
record Complaint(
    String complaintId,
    LocalDate receivedDate,
    String customer,
    String contactName,
    String partNo,
    String lotId,
    String category,
    String description,
    Double defectRate) {}
