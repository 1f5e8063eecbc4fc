package com.novaquant.benchmarks.desk;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.EventDecodeException;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plain reader of {@code nova.signals} in a process of its own that does nothing else, as execution reads them
 * (Kafka's consumer defaults): it prints how long after its decision each signal reached it. Beside execution's own
 * consumer and the harness's busy reader, it tells a delay of execution's process from one of any quiet process.
 * The client settings come in the environment ({@code NOVA_PROBE_KAFKA_*}), never on the command line.
 */
public final class SignalReaderProbe {

    static final String PREFIX = "signal-read-after-us ";
    private static final String ENV = "NOVA_PROBE_KAFKA_";

    private SignalReaderProbe() {
    }

    public static void main(String[] args) {
        Map<String, Object> config = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith(ENV)) {
                config.put(name.substring(ENV.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), value);
            }
        });
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "desk-benchmark-probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            // A harness that dies without closing it leaves no reader behind: it ends with its parent.
            var parent = ProcessHandle.current().parent();
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(5))) {
                    long now = EpochMicros.now();
                    try {
                        if (EventCodec.decode(record.value()) instanceof Signal s) {
                            System.out.println(PREFIX + (now - s.decidedAtMicros()));
                        }
                    } catch (EventDecodeException e) {
                        // Not a signal this reader can read: nothing to time.
                    }
                }
            }
        }
    }

    /** The probe as a child process, its readings collected for the current window. */
    static final class Process implements AutoCloseable {
        private final java.lang.Process process;
        private final Thread reader;
        private Percentiles window = new Percentiles();

        Process(Map<String, Object> client) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseZGC", "-Xmx128m", "-cp", System.getProperty("java.class.path"), SignalReaderProbe.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            client.forEach((key, value) -> builder.environment().put(ENV + key.toUpperCase(java.util.Locale.ROOT)
                    .replace('.', '_'), String.valueOf(value)));
            process = builder.start();
            reader = Thread.ofPlatform().name("probe-reader").start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith(PREFIX)) {
                            long micros = Long.parseLong(line.substring(PREFIX.length()).trim());
                            synchronized (this) {
                                window.add(micros);
                            }
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // The probe ended or wrote something else: its window holds what it read.
                }
            });
        }

        synchronized void reset() {
            window = new Percentiles();
        }

        synchronized Percentiles snapshot() {
            Percentiles done = window;
            window = new Percentiles();
            return done;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
            reader.join();
        }
    }
}
