package com.novaquant.signal.adapter.web;

import com.novaquant.signal.application.InvalidSettingsException;
import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.SignalProperties;
import com.novaquant.support.admin.AuditActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/config} returns the configuration in force (role VIEWER); {@code PUT /admin/config} changes it
 * (role OPERATOR). The PUT body is a JSON object with any subset of the GET fields (camelCase names, durations as
 * ISO-8601 such as {@code "PT30S"}); absent fields keep their current value, nested objects merge field by field,
 * {@code null} restores a default.
 * The result is validated whole: any problem gives 400 with every reason and changes nothing.
 */
@RestController
@RequestMapping(path = "/admin/config", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminConfigController {

    /** Strict on input (an unknown field is a typo, not something to ignore) and explicit about durations. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private final LiveSettings settings;

    public AdminConfigController(LiveSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    public String current() {
        return JSON.writeValueAsString(settings.current().properties());
    }

    /** Needs the OPERATOR role; the change is recorded as made by the authenticated account (see {@link AuditActor}). */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> replace(@RequestBody(required = false) String body,
                                                @RequestHeader(name = AuditActor.ON_BEHALF_OF, required = false) String person,
                                                Mono<Principal> principal) {
        return principal.map(p -> AuditActor.of(p, person)).defaultIfEmpty("unknown").map(by -> apply(body, by));
    }

    private ResponseEntity<String> apply(String body, String by) {
        SignalProperties next;
        try {
            JsonNode patch = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (patch == null || !patch.isObject()) {
                return badRequest(List.of("the body must be a JSON object of configuration fields"));
            }
            ObjectNode merged = JSON.valueToTree(settings.current().properties());
            merge(merged, (ObjectNode) patch);
            next = JSON.treeToValue(merged, SignalProperties.class);
        } catch (JacksonException e) {
            return badRequest(List.of("unreadable configuration: " + e.getOriginalMessage()));
        }
        try {
            settings.replace(next, by);
        } catch (InvalidSettingsException e) {
            return badRequest(e.violations());
        }
        return ResponseEntity.ok(current());
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode patchObject) {
                merge(existingObject, patchObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static ResponseEntity<String> badRequest(List<String> violations) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("error", "invalid configuration", "violations", violations)));
    }
}
