package com.tenx.skills;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The structure the house style asks for: thin controllers that never touch repositories
 * or entities, services that know nothing of the web layer above them, features without
 * cycles, an error edge that knows no feature, and access to every handle route checked
 * in one place ({@link HandleRoute}), and request bodies read in one way.
 */
@AnalyzeClasses(packages = "com.tenx.skills", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = { "com.tenx.skills.skill..", "com.tenx.skills.identity..",
            "com.tenx.skills.audit..", "com.tenx.skills.token.." };

    private static final String PLATFORM_ADMIN_ROUTE = "com.tenx.skills.identity.PlatformAdminRoute";

    @ArchTest
    static final ArchRule controllersDoNotUseRepositories = noClasses().that()
        .areAnnotatedWith(RestController.class)
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Repository.class);

    @ArchTest
    static final ArchRule controllersDoNotUseEntities = noClasses().that()
        .areAnnotatedWith(RestController.class)
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class);

    @ArchTest
    static final ArchRule entitiesNeverCrossTheHandlerSignatures = methods().that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .should(new ArchCondition<>("take and return no entity") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream
                    .concat(method.getReturnType().getAllInvolvedRawTypes().stream(),
                            method.getParameterTypes().stream().flatMap(type -> type.getAllInvolvedRawTypes().stream()))
                    .filter(type -> type.isAnnotatedWith(Entity.class))
                    .forEach(entity -> events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " exposes the entity " + entity.getName())));
            }
        });

    @ArchTest
    static final ArchRule entitiesAreNotPublic = classes().that().areAnnotatedWith(Entity.class).should().notBePublic();

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes().that()
        .areAssignableTo(Repository.class)
        .should()
        .notBePublic();

    @ArchTest
    static final ArchRule servicesSpeakTheDomain = noClasses().that()
        .areAnnotatedWith(Service.class)
        .should()
        .dependOnClassesThat(new DescribedPredicate<JavaClass>("belong to a controller or the web API") {
            @Override
            public boolean test(JavaClass type) {
                JavaClass outer = type.getEnclosingClass().orElse(type);
                return outer.isAnnotatedWith(RestController.class)
                        || type.getPackageName().startsWith("jakarta.servlet")
                        || type.getPackageName().startsWith("org.springframework.web")
                        || type.getPackageName().startsWith("org.springframework.http");
            }
        });

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.tenx.skills.(*)..")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule webAndErrorKnowNoFeature = noClasses().that()
        .resideInAnyPackage("com.tenx.skills.web..", "com.tenx.skills.error..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule controllersAreNotTransactional = noClasses().that()
        .areAnnotatedWith(RestController.class)
        .should()
        .beAnnotatedWith(Transactional.class)
        .orShould()
        .beAnnotatedWith(jakarta.transaction.Transactional.class);

    @ArchTest
    static final ArchRule controllerMethodsAreNotTransactional = noMethods().that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .should()
        .beAnnotatedWith(Transactional.class)
        .orShould()
        .beAnnotatedWith(jakarta.transaction.Transactional.class);

    @ArchTest
    static final ArchRule everyHandleRouteChecksAccess = methods().that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .and(mapAPathUnder("/v2/handles/{handle}"))
        .should()
        .beAnnotatedWith(HandleRoute.class);

    @ArchTest
    static final ArchRule everyPlatformAdminRouteChecksAccess = methods().that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .and(mapAPathUnder("/v2/platform-admin"))
        .should()
        .beDeclaredInClassesThat()
        .areAnnotatedWith(PLATFORM_ADMIN_ROUTE);

    @ArchTest
    static final ArchRule accessChecksBelongToHandleRoutes = methods().that()
        .areAnnotatedWith(HandleRoute.class)
        .should(new ArchCondition<>("map a path under /v2/handles/{handle}/ in a @RestController") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean mapped = method.getOwner().isAnnotatedWith(RestController.class)
                        && paths(method).stream().anyMatch(path -> path.startsWith("/v2/handles/{handle}/"));
                if (!mapped) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " has @HandleRoute but maps no /v2/handles/{handle}/ path"));
                }
            }
        });

    /**
     * The PAT family is the same handlers as the JWT family, under a second prefix: one
     * implementation of each rule, two front doors. Each of its routes names the token
     * scope it needs.
     */
    @ArchTest
    static final ArchRule everyPatRouteMirrorsAJwtRouteAndNamesItsScope = methods().that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .and(mapAPathUnder("/v2/public"))
        .should(new ArchCondition<>("mirror a /v2/handles/{handle}/ route and name a token scope") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<String> paths = paths(method);
                HandleRoute route = method.reflect().getAnnotation(HandleRoute.class);
                boolean mirrored = paths.stream()
                    .filter(path -> path.startsWith("/v2/public/"))
                    .allMatch(path -> path.startsWith("/v2/public/handles/{handle}/")
                            && paths.contains(path.replaceFirst("^/v2/public/", "/v2/")));
                if (!mirrored || route == null || route.scope().length == 0) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " maps a /v2/public path without its /v2/handles twin or without a token scope"));
                }
            }
        });

    @ArchTest
    static final ArchRule grantsComeFromAccessChecks = methods().that()
        .haveRawParameterTypes(new DescribedPredicate<List<JavaClass>>("a HandleGrant parameter") {
            @Override
            public boolean test(List<JavaClass> parameters) {
                return parameters.stream().anyMatch(type -> type.isEquivalentTo(HandleGrant.class));
            }
        })
        .and()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .should()
        .beAnnotatedWith(HandleRoute.class);

    /**
     * One way to read a body: a handler takes its {@code @RequestBody} as bytes and reads
     * it with {@code web.JsonBodyReader}, after the path has been checked, never bound by
     * Spring MVC before the handler runs.
     */
    @ArchTest
    static final ArchRule requestBodiesAreReadByTheOneReader = methods().that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .should(new ArchCondition<>("take a @RequestBody only as bytes for JsonBodyReader") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                method.getParameters()
                    .stream()
                    .filter(parameter -> parameter.isAnnotatedWith(RequestBody.class))
                    .filter(parameter -> !parameter.getRawType().isEquivalentTo(byte[].class))
                    .forEach(parameter -> events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " binds its body as " + parameter.getRawType().getName())));
            }
        });

    private static DescribedPredicate<JavaMethod> mapAPathUnder(String prefix) {
        return DescribedPredicate.describe("map a path under " + prefix, method -> paths(method).stream()
            .anyMatch(path -> path.equals(prefix) || path.startsWith(prefix + "/")));
    }

    /**
     * The full paths a handler method maps: its class's paths joined with its own, as
     * Spring combines them.
     */
    private static List<String> paths(JavaMethod method) {
        Method handler = method.reflect();
        RequestMapping own = AnnotatedElementUtils.findMergedAnnotation(handler, RequestMapping.class);
        if (own == null) {
            return List.of();
        }
        RequestMapping shared = AnnotatedElementUtils.findMergedAnnotation(handler.getDeclaringClass(),
                RequestMapping.class);
        String[] prefixes = shared == null || shared.path().length == 0 ? new String[] { "" } : shared.path();
        String[] suffixes = own.path().length == 0 ? new String[] { "" } : own.path();
        List<String> paths = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String suffix : suffixes) {
                paths.add(prefix + suffix);
            }
        }
        return paths;
    }

}
