package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.HistoryProgress;
import com.novaquant.simulator.application.HistoryStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /admin/history}: where the history source stands (README.md, "History source"). */
@RestController
class HistoryStatusController {

    private final HistoryProgress progress;

    HistoryStatusController(HistoryProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/admin/history")
    Map<String, Object> status() {
        return progress.status().map(HistoryStatusController::body).orElseThrow(() -> new ConflictingAdminRequest(
                "this simulator does not run the history source (nova.simulator.source=history)"));
    }

    private static Map<String, Object> body(HistoryStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("historyTime", Instant.ofEpochMilli(status.historyTimeMs()).toString());
        out.put("historyTimeMs", status.historyTimeMs());
        out.put("time", status.wallTimeMs());
        out.put("startTime", Instant.ofEpochMilli(status.startMs()).toString());
        out.put("minutesPlayed", status.minutesPlayed());
        out.put("lap", status.lap());
        out.put("finished", status.finished());
        out.put("symbols", status.plan().symbols());
        out.put("from", status.plan().from().toString());
        out.put("to", status.plan().to().toString());
        out.put("speed", status.plan().speed());
        out.put("loop", status.plan().loop());
        out.put("dir", status.plan().dir().toString());
        return out;
    }
}
