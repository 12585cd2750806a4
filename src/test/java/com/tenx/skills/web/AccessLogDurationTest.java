package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The access line's duration: one decimal, whatever the locale. */
class AccessLogDurationTest {

    @Test
    void durationsHaveOneDecimalAsStringFormatWouldWriteThemInTheRootLocale() {
        for (double millis : new double[] { 0, 0.04, 0.05, 0.96, 1, 12.34, 12.35, 999.99, 123456.7 }) {
            assertThat(AccessLog.tenths(millis)).as("%s ms", millis)
                .isEqualTo(String.format(Locale.ROOT, "%.1f", Math.round(millis * 10) / 10.0));
        }
    }

}
