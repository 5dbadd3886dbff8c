package org.plumbline.demo;

import java.time.LocalDate;
import java.time.YearMonth;

/** A calendar quarter such as {@code 2025-Q3}, the period of the quarterly files. */
record Quarter(int year, int quarter) implements Comparable<Quarter> {

  static Quarter of(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  LocalDate lastDay() {
    return YearMonth.of(year, quarter * 3).atEndOfMonth();
  }

  @Override
  public int compareTo(Quarter other) {
    return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
  }

  @Override
  public String toString() {
    return year + "-Q" + quarter;
  }
}
