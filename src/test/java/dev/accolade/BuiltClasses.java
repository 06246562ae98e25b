package dev.accolade;

import org.eclipse.microprofile.config.ConfigProvider;

import com.tngtech.archunit.core.domain.JavaClass;

import io.quarkus.arc.properties.IfBuildProperty;

/** Which scanned classes the build under test holds, for tests that compare class files with routes. */
public final class BuiltClasses {

    private BuiltClasses() {
    }

    /**
     * False for a class that a build property leaves out of this build (the dev mail page, built only in
     * dev mode): it serves no route here, so a table of routes cannot hold it.
     */
    public static boolean builtIn(JavaClass c) {
        if (!c.isAnnotatedWith(IfBuildProperty.class)) {
            return true;
        }
        IfBuildProperty p = c.getAnnotationOfType(IfBuildProperty.class);
        return ConfigProvider.getConfig().getOptionalValue(p.name(), String.class).orElse("")
                .equalsIgnoreCase(p.stringValue());
    }
}
