package com.novaquant.simulator.domain.accounts;

/** How a USD-M symbol is margined, as {@code POST /fapi/v1/marginType} spells it. */
public enum MarginType {
    CROSSED, ISOLATED;

    /** How v2 positionRisk spells it. */
    public String positionRiskName() {
        return this == CROSSED ? "cross" : "isolated";
    }
}
