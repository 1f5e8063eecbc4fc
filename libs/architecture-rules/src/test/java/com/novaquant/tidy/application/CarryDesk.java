package com.novaquant.tidy.application;

import com.novaquant.tidy.domain.Basis;

/** Application code: uses the domain only. */
public class CarryDesk {

    public boolean worthTrading(Basis basis) {
        return basis.spread().signum() > 0;
    }
}
