package com.novaquant.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The concrete production settings of the source text (seed post, sections 2 and 3): the kernel parameters and the
 * supervision blueprint. Every one of them must be applied somewhere in the product; the tests check where.
 */
final class SourceTextValues {

    /** Section 2, "Apply these Quant-Optimized sysctl parameters", in the order given. */
    static final Map<String, String> SYSCTLS;

    static {
        Map<String, String> sysctls = new LinkedHashMap<>();
        sysctls.put("fs.file-max", "1000000");
        sysctls.put("net.ipv4.ip_local_port_range", "1024 65535");
        sysctls.put("net.core.rmem_max", "16777216");
        sysctls.put("net.core.wmem_max", "16777216");
        sysctls.put("net.ipv4.tcp_rmem", "4096 87380 16777216");
        sysctls.put("net.ipv4.tcp_wmem", "4096 65536 16777216");
        sysctls.put("net.ipv4.tcp_fastopen", "3");
        sysctls.put("net.ipv4.tcp_keepalive_time", "300");
        sysctls.put("net.ipv4.tcp_keepalive_probes", "5");
        sysctls.put("net.ipv4.tcp_keepalive_intvl", "15");
        SYSCTLS = Map.copyOf(sysctls);
    }

    /** Not namespaced in the kernel: no pod can set them; node bootstrap or a privileged host-level step must. */
    static final Set<String> NODE_LEVEL = Set.of("fs.file-max", "net.core.rmem_max", "net.core.wmem_max");

    /** Namespaced and on the kubelet's safe list in Kubernetes 1.32+ (keepalive since 1.29, rmem/wmem since 1.32). */
    static final Set<String> POD_SAFE = Set.of("net.ipv4.ip_local_port_range", "net.ipv4.tcp_rmem",
            "net.ipv4.tcp_wmem", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_keepalive_probes",
            "net.ipv4.tcp_keepalive_intvl");

    /** Namespaced but not on the safe list: the kubelet must list them in allowedUnsafeSysctls. */
    static final Set<String> POD_UNSAFE = Set.of("net.ipv4.tcp_fastopen");

    /** Section 3, the systemd blueprint: restart always after 5 s, one million file descriptors. */
    static final String RESTART = "always";
    static final String RESTART_SEC = "5";
    static final String LIMIT_NOFILE = "1000000";

    private SourceTextValues() {
    }
}
