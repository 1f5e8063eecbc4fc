package com.novaquant.signal.adapter.web;

import com.novaquant.events.Topics;
import com.novaquant.signal.application.InvalidSettingsException;
import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.SettingsJson;
import com.novaquant.signal.application.SettingsSupersededException;
import com.novaquant.signal.application.SettingsUnavailableException;
import com.novaquant.signal.application.SharedSettings;
import com.novaquant.signal.application.SignalProperties;
import com.novaquant.support.admin.AuditActor;
import org.springframework.http.HttpStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signal settings of every replica: one set, shared through the compacted {@code nova.signal-settings} topic
 * ({@link SharedSettings}).
 * <ul>
 *   <li>{@code GET /admin/config} (role VIEWER) returns the settings in force, with their revision in the
 *   {@value #REVISION_HEADER} header (0: the start-up properties, no change made yet).</li>
 *   <li>{@code GET /admin/config/audit} (role VIEWER) returns, in one consistent read, the revision in force, who made
 *   it ({@code by}, the audit actor), when ({@code atMs}, epoch ms, and {@code at}, ISO-8601), where the settings
 *   come from ({@code source}: {@code nova.signal-settings}, or {@code start-up properties} while no change has been
 *   made) and the settings themselves ({@code settings}, as {@code GET /admin/config} shows them).</li>
 *   <li>{@code PUT /admin/config} (role OPERATOR) changes them for every replica. The body is a JSON object with any
 *   subset of the GET fields (camelCase names, durations as ISO-8601 such as {@code "PT30S"}); absent fields keep
 *   their current value, nested objects merge field by field, {@code null} restores a default. The result is validated
 *   whole: any problem gives 400 with every reason, and nothing is written. A valid change is written to the topic
 *   with the next revision, and applied here once Kafka acknowledged it: 200 with the new settings and their revision
 *   in {@value #REVISION_HEADER}; every other replica applies it as it reads the topic. When the topic cannot be read
 *   to its end or Kafka does not acknowledge the change within {@code nova.signal-settings.timeout} (10 s), 503 says
 *   why and nothing changed here. 409 when a change written on another replica at the same moment came after this
 *   one and holds.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/admin/config", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "signal admin", description = "The carry rules' settings, shared by every signal-service replica")
public class AdminConfigController {

    /** The revision of the settings a response shows. */
    public static final String REVISION_HEADER = "X-Nova-Settings-Revision";

    private final SharedSettings settings;

    public AdminConfigController(SharedSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The signal settings in force",
            description = "Every setting of the carry rules as JSON (camelCase, durations ISO-8601); the header "
                    + "X-Nova-Settings-Revision names the revision. Role VIEWER.")
    @GetMapping
    public ResponseEntity<String> current() {
        return ok(settings.current());
    }

    @Operation(summary = "Who changed the settings, and when",
            description = "The revision in force, who made it and when, its source (start-up values or "
                    + "nova.signal-settings) and the settings themselves. Role VIEWER.")
    @GetMapping("/audit")
    public String audit() {
        LiveSettings.Snapshot snapshot = settings.current();
        LiveSettings.Revision revision = snapshot.revision();
        ObjectNode audit = SettingsJson.mapper().createObjectNode();
        audit.put("revision", revision.number());
        audit.put("by", revision.by());
        audit.put("atMs", revision.atMs());
        audit.put("at", Instant.ofEpochMilli(revision.atMs()).toString());
        audit.put("source", revision.startUp() ? LiveSettings.Revision.START_UP : Topics.SIGNAL_SETTINGS);
        audit.set("settings", SettingsJson.tree(snapshot.properties()));
        return SettingsJson.mapper().writeValueAsString(audit);
    }

    /** Needs the OPERATOR role; the change is recorded as made by the authenticated account (see {@link AuditActor}). */
    @Operation(summary = "Change the signal settings on every replica",
            description = "A JSON object with any subset of the settings; absent fields keep their value, null "
                    + "restores a default. Validated whole (400 lists every reason, nothing changes), written to "
                    + "nova.signal-settings and applied by every replica once the broker acknowledges it (503 when "
                    + "it does not in time, 409 when another change came later). Role OPERATOR.")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> replace(@RequestBody(required = false) String body,
                                                @RequestHeader(name = AuditActor.ON_BEHALF_OF, required = false) String person,
                                                Mono<Principal> principal) {
        // Reading the topic and waiting for Kafka block: never on the server's event loop.
        return principal.map(p -> AuditActor.of(p, person)).defaultIfEmpty("unknown")
                .publishOn(Schedulers.boundedElastic())
                .map(by -> apply(body, by));
    }

    ResponseEntity<String> apply(String body, String by) {
        ObjectNode patch;
        try {
            JsonNode parsed = body == null || body.isBlank() ? null : SettingsJson.mapper().readTree(body);
            if (!(parsed instanceof ObjectNode object)) {
                return badRequest(List.of("the body must be a JSON object of configuration fields"));
            }
            patch = object;
        } catch (JacksonException e) {
            return badRequest(List.of("unreadable configuration: " + e.getOriginalMessage()));
        }
        try {
            return ok(settings.change(base -> merged(base, patch), by));
        } catch (JacksonException e) {
            return badRequest(List.of("unreadable configuration: " + e.getOriginalMessage()));
        } catch (InvalidSettingsException e) {
            return badRequest(e.violations());
        } catch (SettingsUnavailableException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "configuration not changed", e.getMessage());
        } catch (SettingsSupersededException e) {
            return error(HttpStatus.CONFLICT, "configuration superseded", e.getMessage());
        }
    }

    private static SignalProperties merged(SignalProperties base, ObjectNode patch) {
        ObjectNode merged = SettingsJson.tree(base);
        SettingsJson.merge(merged, patch.deepCopy());
        return SettingsJson.read(merged);
    }

    private static ResponseEntity<String> ok(LiveSettings.Snapshot snapshot) {
        return ResponseEntity.ok().header(REVISION_HEADER, String.valueOf(snapshot.revision().number()))
                .body(SettingsJson.write(snapshot.properties()));
    }

    private static ResponseEntity<String> badRequest(List<String> violations) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(SettingsJson.mapper().writeValueAsString(
                        Map.of("error", "invalid configuration", "violations", violations)));
    }

    private static ResponseEntity<String> error(HttpStatus status, String error, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("reason", reason);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(SettingsJson.mapper().writeValueAsString(body));
    }
}
