package com.novaquant.signal.adapter.web;

import com.novaquant.signal.application.SettingsJson;
import com.novaquant.signal.application.UniverseService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /admin/universe} (role VIEWER, like every admin read): the traded universe, the "why is X not traded"
 * view. {@code enabled} false and nothing else in fixed-list mode ({@code nova.universe.enabled=false}).
 */
@RestController
@RequestMapping(path = "/admin/universe", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "signal admin", description = "The traded universe: members, budgets, tracked symbols, candidates")
public class AdminUniverseController {

    private final ObjectProvider<UniverseService> universe;

    public AdminUniverseController(ObjectProvider<UniverseService> universe) {
        this.universe = universe;
    }

    @Operation(summary = "The traded universe and why each candidate is or is not in it",
            description = "The revision in force, the members with their budgets and what limits each (share, "
                    + "per-pair cap, book, volume, below the minimum, no carry), the tracked symbols, and every "
                    + "candidate of the latest scan ranked by net carry with its verdict (MEMBER, EXCLUDED and the "
                    + "exclusion, BELOW_ENTRY_CARRY, NO_PLACE). Role VIEWER.")
    @GetMapping
    public String current() {
        UniverseService service = universe.getIfAvailable();
        if (service == null) {
            return SettingsJson.mapper().createObjectNode().put("enabled", false).toString();
        }
        ObjectNode body = SettingsJson.mapper().valueToTree(service.status());
        ObjectNode answer = SettingsJson.mapper().createObjectNode().put("enabled", true);
        answer.setAll(body);
        return SettingsJson.mapper().writeValueAsString(answer);
    }
}
