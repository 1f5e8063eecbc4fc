package com.novaquant.tidy.domain;

import java.math.BigDecimal;

/** A domain value: plain Java. */
public record Basis(BigDecimal spread) {
}
