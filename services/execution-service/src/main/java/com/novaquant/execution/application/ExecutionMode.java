package com.novaquant.execution.application;

/** The trading mode this instance runs in ({@code paper} or {@code live}), as shown to operators. */
public record ExecutionMode(String name) {
}
