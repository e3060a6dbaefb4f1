package org.openpeering.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules that keep production code buildable as a native image: no reflective class loading, no dynamic
 * proxies, no runtime bytecode generation.
 */
public final class NativeFriendlyRules {

    private NativeFriendlyRules() {
    }

    public static final ArchRule NO_CLASS_FOR_NAME = noClasses()
            .should().callMethod(Class.class, "forName", String.class)
            .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
            .orShould().callMethod(ClassLoader.class, "loadClass", String.class)
            .because("native images only know classes registered at build time");

    public static final ArchRule NO_DYNAMIC_PROXIES = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.reflect.Proxy")
            .because("dynamic proxies need build-time registration in a native image");

    public static final ArchRule NO_BYTECODE_GENERATION = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("net.bytebuddy..", "javassist..", "net.sf.cglib..",
                    "org.objectweb.asm..")
            .orShould().callMethod(java.lang.invoke.MethodHandles.Lookup.class, "defineClass", byte[].class)
            .because("a native image cannot define classes at run time");

    /** Production classes of the given root package (tests excluded). */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Checks every rule; fails with ArchUnit's report of each violation. */
    public static void check(String rootPackage) {
        JavaClasses classes = productionClasses(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No production classes found under " + rootPackage);
        }
        NO_CLASS_FOR_NAME.check(classes);
        NO_DYNAMIC_PROXIES.check(classes);
        NO_BYTECODE_GENERATION.check(classes);
    }
}
