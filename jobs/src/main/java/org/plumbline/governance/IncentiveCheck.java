package org.plumbline.governance;

import java.util.List;

/**
 * How much a bonus must reward a policy's KPI when it pays on a KPI in tension with it: at
 * least {@code minWeightRatio} times the weight of the paid KPI. Applies to the listed roles,
 * or to every role when none is listed; where several checks apply, the strictest counts.
 */
public record IncentiveCheck(String id, double minWeightRatio, List<String> roles) {}
