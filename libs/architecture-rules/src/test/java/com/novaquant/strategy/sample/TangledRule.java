package com.novaquant.strategy.sample;

import com.novaquant.tangled.domain.Basis;

/** Breaks the plain-Java rule: a carry rule using a service's class. */
public class TangledRule {

    public boolean holds(Basis basis) {
        return basis.at() != null;
    }
}
