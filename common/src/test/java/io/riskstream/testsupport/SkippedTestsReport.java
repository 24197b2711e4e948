package io.riskstream.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names every skipped test and its reason at the end of a test JVM's run: the build summary gives only counts, and
 * a newcomer without the shared data set should see which comparisons did not run, and why.
 */
public class SkippedTestsReport implements TestExecutionListener {

    private final List<String> skipped = new ArrayList<>();

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(name(test) + ": " + reason);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (!skipped.isEmpty()) {
            StringBuilder report = new StringBuilder("[skipped tests] " + skipped.size() + " skipped in this run:");
            skipped.forEach(line -> report.append(System.lineSeparator()).append("[skipped tests]   ").append(line));
            System.out.println(report);
            skipped.clear();
        }
    }

    private static String name(TestIdentifier test) {
        return test.getSource().map(source -> switch (source) {
            case MethodSource m -> simple(m.getClassName()) + "." + m.getMethodName();
            case ClassSource c -> simple(c.getClassName());
            default -> test.getDisplayName();
        }).orElse(test.getDisplayName());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
