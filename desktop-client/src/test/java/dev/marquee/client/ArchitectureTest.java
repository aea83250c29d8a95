package dev.marquee.client;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import javafx.application.Platform;
import javafx.scene.Node;

@AnalyzeClasses(packages = "dev.marquee.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {
        "dev.marquee.client.boxoffice..", "dev.marquee.client.booking..", "dev.marquee.client.admin..",
        "dev.marquee.client.session..", "dev.marquee.client.live.."};

    /** The admin pane's tools, one package each; {@code admin.shows} is the show list they all work from. */
    private static final String[] ADMIN_TOOLS = {
        "dev.marquee.client.admin.tiers..", "dev.marquee.client.admin.seats..", "dev.marquee.client.admin.report..",
        "dev.marquee.client.admin.audit..", "dev.marquee.client.admin.setup..", "dev.marquee.client.admin.line..",
        "dev.marquee.client.admin.vouchers..", "dev.marquee.client.admin.waitlist.."};

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

    /** The API client is plain blocking Java, usable (and testable) without a screen or the FX toolkit. */
    @ArchTest
    static final ArchRule apiKnowsNoJavaFx = noClasses()
            .that().resideInAPackage("dev.marquee.client.common.api..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    /** Money and times are worded the same everywhere, so their wording depends on nothing else of the client. */
    @ArchTest
    static final ArchRule formatStandsAlone = classes()
            .that().resideInAPackage("dev.marquee.client.common.format..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.marquee.client..")
                    .or(resideInAPackage("dev.marquee.client.common.format..")));

    /** An admin tool changes without breaking another: tools share only the show list in {@code admin.shows}. */
    @ArchTest
    static final ArchRule adminToolsStandAlone = CompositeArchRule.of(
            Arrays.stream(ADMIN_TOOLS).map(ArchitectureTest::adminToolStandsAlone).toList())
            .as("no admin tool (tiers, seats, report, audit, setup, line, vouchers, waitlist) should depend on another");

    /** AdminPane alone builds the tools and wires them to the show list; nothing else reaches into a tool. */
    @ArchTest
    static final ArchRule onlyAdminPaneWiresTheTools = noClasses()
            .that().resideOutsideOfPackages(ADMIN_TOOLS)
            .and().doNotHaveFullyQualifiedName("dev.marquee.client.admin.AdminPane")
            .should().dependOnClassesThat().resideInAnyPackage(ADMIN_TOOLS);

    /** The show list is the base the tools stand on, so it knows neither them nor the pane that holds them. */
    @ArchTest
    static final ArchRule adminShowsKnowsNoTool = noClasses()
            .that().resideInAPackage("dev.marquee.client.admin.shows..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(ADMIN_TOOLS, "dev.marquee.client.admin"));

    /** Packages depend one way: a cycle would make two concerns one again, whatever their names say. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.marquee.client.(**)")
            .should().beFreeOfCycles();

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
        String[] others = Arrays.stream(FEATURES).filter(p -> !p.equals(own)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true);
    }

    private static ArchRule adminToolStandsAlone(String tool) {
        String[] others = Arrays.stream(ADMIN_TOOLS).filter(p -> !p.equals(tool)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(tool)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true);
    }

    private static String[] concat(String[] packages, String more) {
        String[] all = Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
