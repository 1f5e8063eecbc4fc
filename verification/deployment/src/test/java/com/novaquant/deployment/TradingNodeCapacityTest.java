package com.novaquant.deployment;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production release fits the trading node group of {@code deploy/eks/cluster.yaml}: with every node up while a
 * rolling update surges one pod, and with one node drained (a node-group upgrade drains them one by one). Pods are
 * Guaranteed with whole CPUs on the static CPU manager's exclusive pool, so they are placed whole, first fit
 * decreasing, onto nodes of (vCPUs - reserved system CPUs - one CPU for the node's daemons) whole CPUs.
 */
class TradingNodeCapacityTest {

    /** vCPUs of the instance types the trading node group may use. */
    private static final Map<String, Integer> VCPUS = Map.of("c7i.2xlarge", 8, "c7i.4xlarge", 16, "c7gn.2xlarge", 8,
            "c6in.2xlarge", 8);

    @Test
    @SuppressWarnings("unchecked")
    void theProductionDeskFitsItsNodeGroupDuringARolloutAndWithOneNodeDrained() {
        Map<String, Object> cluster = new Yaml().load(Repo.read("deploy/eks/cluster.yaml"));
        Map<String, Object> trading = ((List<Map<String, Object>>) cluster.get("managedNodeGroups")).stream()
                .filter(group -> group.get("name").equals("nova-trading")).findFirst().orElseThrow();
        Integer vcpus = VCPUS.get((String) trading.get("instanceType"));
        assertThat(vcpus).as("vCPUs of " + trading.get("instanceType") + " (add it to VCPUS)").isNotNull();
        Map<String, Object> nodeConfig = new Yaml().load((String) trading.get("overrideBootstrapCommand"));
        String reserved = String.valueOf(((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                nodeConfig.get("spec")).get("kubelet")).get("config")).get("reservedSystemCPUs"));
        int perNode = vcpus - reserved.split(",").length - 1;
        int nodes = (Integer) trading.get("desiredCapacity");
        assertThat((Integer) trading.get("minSize")).as("minSize").isEqualTo(nodes);

        RenderedChart production = RenderedChart.withProductionValues();
        List<Integer> pods = new ArrayList<>();
        int largestSurge = 0;
        for (Deployment deployment : production.all(Deployment.class)) {
            int cpus = cpus(deployment);
            for (int i = 0; i < deployment.getSpec().getReplicas(); i++) {
                pods.add(cpus);
            }
            if ("RollingUpdate".equals(deployment.getSpec().getStrategy().getType())) {
                largestSurge = Math.max(largestSurge, cpus);
            }
        }
        List<Integer> rollout = new ArrayList<>(pods);
        rollout.add(largestSurge);

        assertThat(fits(rollout, nodes, perNode)).as("pods %s and a surge of %d CPUs on %d nodes of %d CPUs",
                pods, largestSurge, nodes, perNode).isTrue();
        assertThat(fits(pods, nodes - 1, perNode)).as("pods %s with one of %d nodes of %d CPUs drained",
                pods, nodes, perNode).isTrue();
    }

    private static int cpus(Deployment deployment) {
        int total = 0;
        for (Container container : RenderedChart.pod(deployment).getContainers()) {
            Quantity cpu = container.getResources().getRequests().get("cpu");
            total += Quantity.getAmountInBytes(cpu).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
        }
        return total;
    }

    /** First fit decreasing: whole pods onto whole nodes. */
    private static boolean fits(List<Integer> pods, int nodes, int perNode) {
        int[] free = new int[nodes];
        java.util.Arrays.fill(free, perNode);
        for (int pod : pods.stream().sorted(Comparator.reverseOrder()).toList()) {
            boolean placed = false;
            for (int n = 0; n < nodes && !placed; n++) {
                if (free[n] >= pod) {
                    free[n] -= pod;
                    placed = true;
                }
            }
            if (!placed) {
                return false;
            }
        }
        return true;
    }
}
