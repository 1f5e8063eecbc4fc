package com.novaquant.deployment;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five images a release built carry what {@link ReleaseImageIT} proves of the profile's configuration, and the
 * release's tag and labels. Not an {@code *IT}, so the normal build does not pick it up (it has no images to read): the
 * release runs it by name on the tarballs of {@code -Pimages} (deploy/release/build-images.sh,
 * {@code -Dit.test=ReleasedImagesCheck}), before anything is pushed.
 */
class ReleasedImagesCheck {

    @Test
    void everyImageTheReleaseBuiltCarriesTheProfilesConfiguration() throws Exception {
        Path dir = Path.of(System.getProperty("nova.images.check.dir"));
        String tag = System.getProperty("nova.image.tag", "");
        for (Map.Entry<String, Integer> service : ReleaseImageIT.PORTS.entrySet()) {
            String module = service.getKey();
            ImageTarball image = ImageTarball.read(dir.resolve(module + ".tar"));
            assertThat(image.repoTags()).as(module).singleElement().asString().endsWith("/" + module + ":" + tag);
            assertThat(image.runtime().get("Labels")).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP).as(module)
                    .containsEntry("org.opencontainers.image.version", tag)
                    .containsKey("org.opencontainers.image.revision")
                    .containsKey("org.opencontainers.image.source");
            // The profile copied the exec jar it layered next to the tarball.
            ReleaseImageIT.checkServiceImage(image, module, dir.resolve(module + ".jar"));
            assertThat(image.env()).as(module).containsKey("JAVA_HOME");
        }
    }
}
