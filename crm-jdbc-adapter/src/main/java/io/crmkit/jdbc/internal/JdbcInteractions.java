package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Interactions;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link Interactions} over the {@code interaction} table. */
final class JdbcInteractions extends JdbcActivityLog<Interaction> implements Interactions {

  JdbcInteractions(Connections connections, Tables tables) {
    super(connections, tables, new Mapping());
  }

  private static final class Mapping implements ActivityTable<Interaction> {
    @Override
    public String entity() {
      return "Interaction";
    }

    @Override
    public String table(Tables tables) {
      return tables.interaction();
    }

    @Override
    public List<String> extraColumns() {
      return List.of("channel", "direction", "subject", "outcome", "agent");
    }

    @Override
    public void bindExtra(PreparedStatement statement, int first, Interaction interaction) throws SQLException {
      statement.setString(first, interaction.channel().name());
      statement.setString(first + 1, interaction.direction().name());
      Values.setText(statement, first + 2, interaction.subject().orElse(null));
      Values.setText(statement, first + 3, interaction.outcome().orElse(null));
      Values.setText(statement, first + 4, interaction.agent().orElse(null));
    }

    @Override
    public Interaction read(ResultSet rs) throws SQLException {
      return new Interaction.Builder()
          .id(ActivityId.of(Values.uuid(rs, "id")))
          .customerId(CustomerId.of(Values.uuid(rs, "customer_id")))
          .occurredAt(Values.instant(rs, "occurred_at", "occurred_nanos"))
          .channel(Interaction.Channel.valueOf(rs.getString("channel")))
          .direction(Interaction.Direction.valueOf(rs.getString("direction")))
          .subject(Optional.ofNullable(rs.getString("subject")))
          .outcome(Optional.ofNullable(rs.getString("outcome")))
          .agent(Optional.ofNullable(rs.getString("agent")))
          .build();
    }

    @Override
    public List<Violation> violations(Interaction interaction) {
      return StorageGuard.violations(interaction);
    }
  }
}
