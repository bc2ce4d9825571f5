package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.Activity;
import io.crmkit.core.common.Violation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * How one kind of activity maps to its table: the columns after {@code id, customer_id,
 * occurred_at, occurred_nanos}, which every activity table starts with.
 *
 * @param <A> the activity type
 */
interface ActivityTable<A extends Activity> {
  /** The entity name for messages, for example {@code Purchase}. */
  String entity();

  String table(Tables tables);

  /** The columns after the common four, in bind order. */
  List<String> extraColumns();

  /** Binds the extra columns from position {@code first}. */
  void bindExtra(PreparedStatement statement, int first, A activity) throws SQLException;

  A read(ResultSet rs) throws SQLException;

  /** What would keep {@code activity} from being stored. */
  List<Violation> violations(A activity);
}
