package com.novaquant.architecture;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The production classes of the module whose test asks: Maven's {@code target/classes}, beside the
 * {@code target/test-classes} the test class was loaded from. Importing that one directory, rather than looking for a
 * package on the whole test classpath, halves the time of a module's check, and there is no package name to get wrong.
 */
public final class ModuleClasses implements LocationProvider {

    @Override
    public Set<Location> get(Class<?> testClass) {
        try {
            Path testClasses = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Set.of(Location.of(testClasses.resolveSibling("classes")));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + testClass.getName(), e);
        }
    }
}
