package io.riskstream.common.testdata;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresSharedData}: skips (or, where the data set is required, fails) when a path is missing. */
public class SharedDataCondition implements ExecutionCondition {

    static final String REQUIRE_VARIABLE = "RISKSTREAM_REQUIRE_SHARED_DATA";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        Optional<RequiresSharedData> annotation = element.flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresSharedData.class));
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("needs no shared data");
        }
        Optional<String> missing = Arrays.stream(annotation.get().value()).filter(p -> !SharedData.has(p)).findFirst();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("shared data present");
        }
        String reason = SharedData.describeMissing(missing.get());
        if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException(REQUIRE_VARIABLE + " is set, but " + context.getDisplayName() + " " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
