package org.plumbline.governance;

import java.time.YearMonth;

/** How many units of the base currency one unit of {@code currency} was worth in a month. */
public record ExchangeRate(String currency, String baseCurrency, YearMonth month, double rate) {}
