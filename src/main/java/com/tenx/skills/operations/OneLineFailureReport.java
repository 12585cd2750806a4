package com.tenx.skills.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a start-up failure that an analyzer understood as one log line: what is wrong
 * and what to do. It takes the place of Spring Boot's multi-line banner (switched off in
 * {@code application.properties}), so a JSON log holds one short event an operator can
 * read in {@code docker logs} or {@code kubectl logs}.
 */
class OneLineFailureReport implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger("startup");

    @Override
    public void report(FailureAnalysis analysis) {
        log.error("Refusing to start: {} {}", analysis.getDescription().strip(), analysis.getAction().strip());
    }

}
