package com.novaquant.tangled.application;

import com.novaquant.tangled.adapter.web.DeskController;

/** Breaks the application rule: reaches into an adapter. */
public class CarryDesk {

    public DeskController controller() {
        return new DeskController();
    }
}
