package com.tenx.skills.outage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.Repository;

/**
 * Reads by id go through a query: Hibernate's {@code EntityManager.find} answers "absent"
 * when the read fails inside a transaction already marked rollback-only, which turns an
 * outage into a 404 or a wrong 400 instead of a 503.
 */
class RepositoryReadsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.tenx.skills");

    @Test
    void findByIdIsAQuery() {
        methods().that()
            .areDeclaredInClassesThat()
            .areAssignableTo(Repository.class)
            .and()
            .haveName("findById")
            .should()
            .beAnnotatedWith(Query.class)
            .check(CLASSES);
    }

    @Test
    void noRepositoryInheritsFindById() {
        noClasses().should().beAssignableTo(CrudRepository.class).check(CLASSES);
    }

}
