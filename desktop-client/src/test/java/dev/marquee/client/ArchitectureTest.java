package dev.marquee.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;
import javafx.scene.Node;

@AnalyzeClasses(packages = "dev.marquee.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {
        "dev.marquee.client.boxoffice..", "dev.marquee.client.booking..", "dev.marquee.client.admin..",
        "dev.marquee.client.session..", "dev.marquee.client.live.."};

    /** The client knows the server only through the HTTP contract and shared-model. */
    @ArchTest
    static final ArchRule clientDoesNotUseServerClasses = noClasses()
            .that().resideInAPackage("dev.marquee.client..")
            .should().dependOnClassesThat().resideInAPackage("dev.marquee.server..");

    /** View models hold state and commands; controls and layout belong to the view, so tests need no stage. */
    @ArchTest
    static final ArchRule viewModelsDoNotTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /**
     * Background work goes through TaskExecutor alone, so tests can run it on their own thread. (Views may
     * still defer a focus request until their layout is shown.)
     */
    @ArchTest
    static final ArchRule onlyTheTaskExecutorHopsThreads = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.marquee.client.common.TaskExecutor")
            .and().haveSimpleNameNotEndingWith("View")
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors");

    /** Looks live in CSS named after each view; Java never sets a style or a colour. */
    @ArchTest
    static final ArchRule noInlineStyles = noClasses()
            .should().callMethod(Node.class, "setStyle", String.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.paint.Color");

    /** ControlsFX's public API only: its {@code impl} packages change without notice between releases. */
    @ArchTest
    static final ArchRule noControlsFxInternals = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("impl.org.controlsfx..", "org.controlsfx..impl..");

    /** Shared pieces know no feature; features meet only in the application package that wires them. */
    @ArchTest
    static final ArchRule commonKnowsNoFeature = noClasses()
            .that().resideInAPackage("dev.marquee.client.common..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule boxOfficeStandsAlone = featureStandsAlone("boxoffice");

    @ArchTest
    static final ArchRule fanBookingStandsAlone = featureStandsAlone("booking");

    @ArchTest
    static final ArchRule adminStandsAlone = featureStandsAlone("admin");

    @ArchTest
    static final ArchRule sessionStandsAlone = featureStandsAlone("session");

    @ArchTest
    static final ArchRule liveStandsAlone = featureStandsAlone("live");

    private static ArchRule featureStandsAlone(String feature) {
        String own = "dev.marquee.client." + feature + "..";
        String[] others = java.util.Arrays.stream(FEATURES).filter(p -> !p.equals(own)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true);
    }
}
