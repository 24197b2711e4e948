package io.riskstream.common.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Runs a service's Liquibase migration under a PostgreSQL advisory lock, so instances that start together migrate one
 * after the other. Liquibase's own lock table does not cover an empty database: each instance finds no
 * {@code databasechangelog} and creates it, and the later one fails its start with "relation databasechangelog already
 * exists" (liquibase/liquibase#5254, still open in 4.33). Two factor-service instances started at once hit that.
 * <p>
 * Liquibase migrates in {@link SpringLiquibase#afterPropertiesSet}, between this processor's two callbacks: the lock is
 * taken on a connection of the migration's own data source before it and released after it. When the migration fails
 * the context closes its pool, and PostgreSQL releases a session's lock with its connection.
 */
public final class SerialMigrations implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialMigrations.class);
    /** One key for every service: each service has a database of its own, and advisory locks are per database. */
    static final long LOCK_KEY = 0x52534c4951554942L; // "RSLIQUIB"

    private final Map<Object, Connection> held = new ConcurrentHashMap<>();

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            try {
                Connection connection = liquibase.getDataSource().getConnection();
                if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    connection.close();
                    return bean;
                }
                long started = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
                }
                double waited = (System.nanoTime() - started) / 1e9;
                if (waited > 1) {
                    LOG.info("waited {} s for another instance's database migration", String.format("%.1f", waited));
                }
                held.put(bean, connection);
            } catch (SQLException e) {
                throw new BeanInitializationException("cannot take the migration lock for " + beanName + ": "
                        + e.getMessage(), e);
            }
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Connection connection = held.remove(bean);
        if (connection != null) {
            try (connection; Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            } catch (SQLException e) {
                // closing the connection releases the lock as well
                LOG.warn("releasing the migration lock failed ({}); the connection is closed instead", e.getMessage());
            }
        }
        return bean;
    }
}
