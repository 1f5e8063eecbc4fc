package com.novaquant.tangled.domain;

import java.sql.Timestamp;

/** Breaks the domain rule: a JDBC type in the domain. */
public record Basis(Timestamp at) {
}
