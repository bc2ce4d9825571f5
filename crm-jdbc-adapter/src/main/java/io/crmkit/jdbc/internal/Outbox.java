package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.Require;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.json.CrmJacksonModule;
import io.crmkit.core.json.CrmJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The transactional outbox: {@link #publish} writes an event into the outbox table on the current
 * transaction's connection, so it commits or rolls back with the change that caused it; the relay
 * reads pending rows in sequence order and marks them published after delivery.
 *
 * <p>Events are stored as JSON tagged with their type id, for crm-core's event family and the
 * families the store was given; an event of any other family is rejected before it is written,
 * since the relay could never read it back.
 */
final class Outbox implements EventPublisher {
  private final Connections connections;
  private final Tables tables;
  private final CrmJacksonModule module;
  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  /**
   * @param families the event families to carry besides crm-core's
   * @throws IllegalArgumentException if two event types of the families share a type id
   */
  Outbox(Connections connections, Tables tables, Collection<? extends EventFamily<?>> families) {
    this.connections = connections;
    this.tables = tables;
    this.module = CrmJacksonModule.withFamilies(families);
    this.mapper = CrmJson.newMapper(module);
    this.writer = mapper.writerFor(DomainEvent.class);
  }

  /**
   * Writes {@code event} to the outbox in the current transaction.
   *
   * @throws IllegalArgumentException if the event's family is not one this outbox carries; nothing
   *     is written, and the exception rolls back the transaction of the change that caused it
   */
  @Override
  public void publish(DomainEvent event) {
    Objects.requireNonNull(event, "event");
    String typeId = module.typeIdOf(event.getClass()).orElseThrow(() -> new IllegalArgumentException(
        "The outbox cannot carry " + event.getClass().getName() + ": it is not an event type of the families "
            + module.familyNames() + " this store was given; add its EventFamily to JdbcOptions.eventFamilies(...)"));
    String payload = json(event);
    connections.write("write " + typeId + " to the outbox", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.outbox()
          + " (event_id, event_type, customer_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)")) {
        insert.setObject(1, event.eventId());
        insert.setString(2, typeId);
        insert.setObject(3, event.customerId().value());
        insert.setObject(4, Values.micros(clampToStorable(event.occurredAt())));
        insert.setString(5, payload);
        insert.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Relays pending events on the current transaction: locks the relay row (so runs never overlap),
   * reads up to {@code limit} pending events in sequence order, hands them to {@code deliver} and
   * marks published, at {@code clock}'s instant, as many of them, from the first, as {@code
   * delivered} reads from its result. An exception from reading or marking rolls the transaction
   * back with nothing marked.
   *
   * @param <R> what a delivery reports
   * @return what {@code deliver} returned
   * @throws IllegalStateException if the result claims more events than {@code deliver} was given
   */
  <R> R relay(int limit, Clock clock, Function<List<DomainEvent>, R> deliver, ToIntFunction<R> delivered) {
    return connections.write("relay outbox events", connection -> {
      List<Pending> pending = lockAndReadPending(connection, limit);
      R result = deliver.apply(pending.stream().map(Pending::event).toList());
      int count = delivered.applyAsInt(result);
      Require.state(count >= 0 && count <= pending.size(), "delivered %s of %s events", count, pending.size());
      markPublished(connection, pending.subList(0, count).stream().map(Pending::seq).toList(), clock);
      return result;
    });
  }

  /** One pending event as read by the relay. */
  private record Pending(long seq, DomainEvent event) {}

  private List<Pending> lockAndReadPending(Connection connection, int limit) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT id FROM " + tables.outboxRelay() + " WHERE id = 1 FOR UPDATE");
        ResultSet rs = lock.executeQuery()) {
      if (!rs.next()) {
        throw new CrmStorageException("The outbox relay row is missing from " + tables.outboxRelay()
            + "; was the schema migrated?");
      }
    }
    List<Pending> pending = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT seq, event_type, payload FROM "
        + tables.outbox() + " WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
      select.setInt(1, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          pending.add(new Pending(rs.getLong(1), read(rs.getLong(1), rs.getString(2), rs.getString(3))));
        }
      }
    }
    return pending;
  }

  private void markPublished(Connection connection, Collection<Long> seqs, Clock clock) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + tables.outbox() + " SET published_at = ? WHERE seq = ?")) {
      CustomerRows.Batch batch = new CustomerRows.Batch(update);
      for (long seq : seqs) {
        update.setObject(1, Values.micros(clampToStorable(now)));
        update.setLong(2, seq);
        batch.add();
      }
      batch.finish();
    }
    try (PreparedStatement touch = connection.prepareStatement(
        "UPDATE " + tables.outboxRelay() + " SET last_run_at = ? WHERE id = 1")) {
      touch.setObject(1, Values.micros(clampToStorable(now)));
      touch.executeUpdate();
    }
  }

  /** How many events wait for delivery. */
  long pendingCount() {
    return connections.read("count pending outbox events", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT COUNT(*) FROM " + tables.outbox() + " WHERE published_at IS NULL");
          ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Deletes published events older than {@code before}; returns how many. */
  int purgePublished(Instant before) {
    Objects.requireNonNull(before, "before");
    return connections.write("purge published outbox events", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + tables.outbox() + " WHERE published_at IS NOT NULL AND published_at < ?")) {
        delete.setObject(1, Values.micros(clampToStorable(before)));
        return delete.executeUpdate();
      }
    });
  }

  private String json(DomainEvent event) {
    try {
      return writer.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Could not write " + event.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private DomainEvent read(long seq, String typeId, String payload) {
    try {
      return mapper.readValue(payload, DomainEvent.class);
    } catch (InvalidTypeIdException e) {
      throw new CrmStorageException("Outbox event " + seq + " is a " + typeId + ", which is not an event type of the"
          + " families " + module.familyNames() + " this store was given; add its EventFamily to"
          + " JdbcOptions.eventFamilies(...) of the store that relays", e);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Outbox event " + seq + " is not a readable crmkit event: "
          + e.getOriginalMessage(), e);
    }
  }

  private static Instant clampToStorable(Instant instant) {
    if (instant.isBefore(Values.MIN_INSTANT)) {
      return Values.MIN_INSTANT;
    }
    return instant.isAfter(Values.MAX_INSTANT) ? Values.MAX_INSTANT : instant;
  }
}
