package com.novaquant.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One JVM process of the desk: which jar, on which port, with which arguments and environment.
 *
 * @param name   short name used as the log prefix
 * @param jar    the runnable jar
 * @param port   the HTTP port (actuator lives there)
 * @param heapMb the fixed heap (Xms = Xmx, pre-touched)
 * @param args   Spring properties as {@code --name=value}
 * @param env    environment variables (secrets go here, never on the command line)
 */
public record ServiceSpec(String name, Path jar, int port, int heapMb, List<String> args, Map<String, String> env) {
}
