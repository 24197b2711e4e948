package io.riskstream.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops what runs on the shared broker and database when the test session ends, before the JVM's shutdown hooks
 * (zonky stops PostgreSQL in its own hook, in no particular order with ours).
 */
public class TestInfraSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestInfra.shutdownClients();
    }
}
