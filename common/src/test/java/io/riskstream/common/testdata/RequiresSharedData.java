package io.riskstream.common.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (or test class) that compares against the real data set beside the repository: it runs where every named
 * path exists under {@code shared/data} and is skipped, with the missing path as its reason, where one does not.
 * With {@code RISKSTREAM_REQUIRE_SHARED_DATA=true} (CI, which always has the data set) a missing path fails the test
 * instead, so the comparison cannot quietly stop running there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedDataCondition.class)
public @interface RequiresSharedData {

    /** Paths relative to {@code shared/data}, e.g. {@code market/prices}. */
    String[] value();
}
