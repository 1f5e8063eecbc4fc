package com.novaquant.deployment;

import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Immutable images on the live desk (templates/validate.yaml): with tradingMode=live the chart renders only when
 * every service image is pinned by digest (image.digests, what a released chart carries) or tagged with a release
 * version, never the chart's default -SNAPSHOT appVersion or latest; third-party images need a version tag or a
 * digest. A paper desk may run a development build.
 */
class ReleaseImagePolicyTest {

    static final Consumer<TemplateCommand> PRODUCTION =
            c -> c.withValuesFile(RenderedChart.CHART.resolve("values-production.yaml"));

    @Test
    void theChartDefaultsToItsAppVersionWithIfNotPresentWhichSuitsDigestsAndReleaseTags() {
        Map<String, Object> chart = new Yaml().load(Repo.read("deploy/helm/nova-quant/Chart.yaml"));
        Map<String, Object> image = (Map<String, Object>) new Yaml().<Map<String, Object>>load(
                Repo.read("deploy/helm/nova-quant/values.yaml")).get("image");
        assertThat(image).containsEntry("tag", "").containsEntry("pullPolicy", "IfNotPresent")
                .containsEntry("digests", Map.of());
        RenderedChart paper = RenderedChart.withDefaults();
        for (Deployment deployment : paper.all(Deployment.class)) {
            assertThat(RenderedChart.container(deployment).getImage()).endsWith(":" + chart.get("appVersion"));
            assertThat(RenderedChart.container(deployment).getImagePullPolicy()).isEqualTo("IfNotPresent");
        }
    }

    @Test
    void theLiveValuesRefuseTheDevelopmentImages() {
        assertThat(Repo.read("deploy/helm/nova-quant/Chart.yaml")).contains("-SNAPSHOT");
        assertThat(new Yaml().<Map<String, Object>>load(Repo.read("deploy/helm/nova-quant/values-production.yaml"))
                .get("image")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .doesNotContainKeys("tag", "digests");
        assertThatThrownBy(() -> RenderedChart.render(PRODUCTION))
                .hasMessageContaining("tradingMode=live runs immutable images only")
                .hasMessageContaining("-SNAPSHOT")
                .hasMessageContaining("image.digests");
        for (String tag : new String[] {"1.4.2-SNAPSHOT", "latest", "main", "1.4"}) {
            assertThatThrownBy(() -> RenderedChart.render(PRODUCTION.andThen(c -> c.set("image.tag", tag))))
                    .as(tag).hasMessageContaining("immutable images");
        }
    }

    @Test
    void theLiveDeskRunsReleaseTagsOrDigests() {
        RenderedChart tagged = RenderedChart.render(PRODUCTION.andThen(c -> c.set("image.tag", "1.4.2")));
        assertThat(tagged.all(Deployment.class)).isNotEmpty().allSatisfy(d ->
                assertThat(RenderedChart.container(d).getImage()).endsWith(":1.4.2"));
        RenderedChart.render(PRODUCTION.andThen(c -> c.set("image.tag", "v2.0.0-rc.1")));

        RenderedChart pinned = RenderedChart.withProductionValues();
        assertThat(pinned.all(Deployment.class)).isNotEmpty().allSatisfy(d -> {
            String component = d.getMetadata().getLabels().get("app.kubernetes.io/component");
            assertThat(RenderedChart.container(d).getImage())
                    .endsWith("/" + PinnedImages.module(component) + "@" + RenderedChart.RELEASE_DIGESTS.get(component));
        });
    }

    @Test
    void everyEnabledServiceNeedsItsOwnPin() {
        // The simulator is off on the live desk: its digest is not needed.
        RenderedChart.render(PRODUCTION.andThen(c -> RenderedChart.RELEASE_DIGESTS.forEach((component, digest) -> {
            if (!component.equals("simulator")) {
                c.set("image.digests." + component, digest);
            }
        })));
        assertThatThrownBy(() -> RenderedChart.render(PRODUCTION.andThen(c -> RenderedChart.RELEASE_DIGESTS.forEach(
                (component, digest) -> {
                    if (!component.equals("alert")) {
                        c.set("image.digests." + component, digest);
                    }
                })))).hasMessageContaining("alert would run").hasMessageContaining("image.digests.alert");
        assertThatThrownBy(() -> RenderedChart.render(PRODUCTION.andThen(c -> c.set("image.tag", "1.4.2")
                .set("signal.image.tag", "latest")))).hasMessageContaining("signal would run")
                .hasMessageContaining(":latest");
    }

    @Test
    void thirdPartyImagesOfTheLiveDeskNameAVersionOrADigest() {
        Consumer<TemplateCommand> live = RenderedChart::productionValues;
        RenderedChart.render(live.andThen(c -> c.set("nodeTuning.image", "busybox:1.37@sha256:" + "a".repeat(64))));
        RenderedChart.render(live.andThen(c -> c.set("nodeTuning.image", "busybox@sha256:" + "a".repeat(64))));
        assertThatThrownBy(() -> RenderedChart.render(live.andThen(c -> c.set("nodeTuning.image", "busybox:latest"))))
                .hasMessageContaining("nodeTuning.image=busybox:latest");
        assertThatThrownBy(() -> RenderedChart.render(live.andThen(c -> c.set("nodeTuning.pauseImage",
                "registry.k8s.io/pause")))).hasMessageContaining("nodeTuning.pauseImage");
        assertThatThrownBy(() -> RenderedChart.render(live.andThen(c -> c.set("tests.image", "localhost:5000/curl"))))
                .hasMessageContaining("tests.image");
        // A paper desk may run what it likes.
        RenderedChart.render(c -> c.set("nodeTuning.enabled", true).set("nodeTuning.image", "busybox:latest"));
    }
}
