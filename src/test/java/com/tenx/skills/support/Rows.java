package com.tenx.skills.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Direct reads and writes of the test database, to check what the server stored. */
public final class Rows {

    private Rows() {
    }

    /**
     * The first column of every row of {@code sql}, as Java objects ({@code TIMESTAMPTZ}
     * as {@link Instant}).
     */
    public static List<Object> column(String sql, Object... params) {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                Object value = rows.getObject(1);
                if (value instanceof java.sql.Timestamp) {
                    value = rows.getObject(1, OffsetDateTime.class).toInstant();
                }
                values.add(value);
            }
            return values;
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql, Object... params) {
        return ((Number) column(sql, params).get(0)).longValue();
    }

    public static int update(String sql, Object... params) {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The database id of a handle. */
    public static long handleId(String handle) {
        return ((Number) column("SELECT id FROM handles WHERE handle = ?", handle).get(0)).longValue();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

}
