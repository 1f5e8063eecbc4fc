package com.novaquant.execution.application;

/** How the perp of a symbol is margined on the futures account ({@code nova.execution.perp-margin-type}). */
public enum MarginType {
    /** The whole futures wallet backs the position: what the desk's margin arithmetic assumes by default. */
    CROSSED,
    /** Only the margin put on the position backs it. */
    ISOLATED
}
