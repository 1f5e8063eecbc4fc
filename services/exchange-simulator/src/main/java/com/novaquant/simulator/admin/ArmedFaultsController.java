package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.Faults;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code /admin/faults}: the faults armed now ({@code GET}), and clearing every one of them ({@code DELETE}). */
@RestController
@RequestMapping("/admin/faults")
class ArmedFaultsController {

    private final Faults faults;

    ArmedFaultsController(Faults faults) {
        this.faults = faults;
    }

    @GetMapping
    Map<String, Object> describe() {
        return faults.describe();
    }

    @DeleteMapping
    Map<String, Object> clear() {
        faults.clear();
        return AdminJson.ok(Map.of());
    }
}
