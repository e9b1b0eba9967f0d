package org.roster.store;

import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roster.application.port.out.ImportSelection;
import org.roster.application.port.out.ImportStore;

/** {@link ImportStore} on {@code import_selection}; the id lists are JSON arrays of strings. */
@Singleton
public class JdbcImportStore implements ImportStore {
  private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);

  private final Jdbc jdbc;
  private final JsonMapper json;

  JdbcImportStore(Jdbc jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void save(ImportSelection s) {
    List<String> roles = s.roleIds().stream().map(UUID::toString).sorted().toList();
    jdbc.joinedRun(
        c ->
            Sql.update(
                c,
                "INSERT INTO import_selection (run_id, external_ids, enable_users, role_ids)"
                    + " VALUES (?, ?, ?, ?)",
                s.runId(),
                write(s.externalIds()),
                s.enableUsers(),
                write(roles)));
  }

  @Override
  public Optional<ImportSelection> find(UUID runId) {
    return jdbc.joined(
        c ->
            Sql.one(
                c,
                "SELECT run_id, external_ids, enable_users, role_ids FROM import_selection"
                    + " WHERE run_id = ?",
                this::selection,
                runId));
  }

  private ImportSelection selection(ResultSet rs) throws SQLException {
    Set<UUID> roles =
        read(rs.getString("role_ids")).stream().map(UUID::fromString).collect(Collectors.toSet());
    return new ImportSelection(
        Sql.uuid(rs, "run_id"),
        read(rs.getString("external_ids")),
        rs.getBoolean("enable_users"),
        roles);
  }

  private String write(List<String> values) {
    try {
      return json.writeValueAsString(values);
    } catch (IOException e) {
      throw new DataAccessException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private List<String> read(String text) {
    try {
      return json.readValue(text, STRINGS);
    } catch (IOException e) {
      throw new DataAccessException("cannot read stored JSON: " + e.getMessage(), e);
    }
  }
}
