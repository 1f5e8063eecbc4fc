package com.novaquant.execution.application;

import com.novaquant.execution.domain.LegFailure;

import java.math.BigDecimal;

/** How one sent order ended, as far as the leg-risk policy cares. */
record LegResult(BigDecimal filledQty, LegFailure failure) {
}
