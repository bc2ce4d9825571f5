package io.crmkit.io.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.io.CrmStores;
import io.crmkit.segmentation.segment.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of damage is refused with its reason before anything is written. */
class DamagedBackupTest {
  @TempDir Path dir;
  private Path good;

  @BeforeEach
  void backUpAStoreWithASegment() {
    CrmStores source = CrmStores.inMemory();
    source.segmentation().segmentDefinitions().save(Segment.of("VIP", Criteria.tierIs(ValueTier.VIP)));
    source.segmentation().segmentDefinitions().save(Segment.of("Gold", Criteria.tierIs(ValueTier.HIGH)));
    good = dir.resolve("good.zip");
    Backup.write(source, good);
  }

  @Test
  void anIntactBackupVerifiesAndRestores() {
    Manifest manifest = Restore.verify(good);
    CrmStores target = CrmStores.inMemory();

    Restore.restore(good, target);

    assertThat(manifest.formatVersion()).isEqualTo(Backup.FORMAT_VERSION);
    assertThat(manifest.file("segments.jsonl").orElseThrow().records()).isEqualTo(2);
    assertThat(target.segmentation().segmentDefinitions().all()).hasSize(2);
  }

  @Test
  void aChangedFileFailsItsChecksum() throws IOException {
    Path changed = rewrite("segments.jsonl", text -> text.replace("VIP", "VIQ"));
    assertRefused(changed, BackupException.Reason.DAMAGED, "segments.jsonl does not match its checksum");
  }

  @Test
  void invalidJsonIsNamedByFileAndLine() throws IOException {
    Path broken = rewrite("segments.jsonl", text -> text + "{not json\n");
    assertRefused(broken, BackupException.Reason.DAMAGED, "segments.jsonl line 3 is not a valid record");
  }

  @Test
  void anUnknownFormatVersionIsRefused() throws IOException {
    Path future = rewrite(Backup.MANIFEST, text -> text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
    assertRefused(future, BackupException.Reason.UNKNOWN_FORMAT, "format version 99");
  }

  @Test
  void aMissingFileIsRefused() throws IOException {
    Path missing = rewrite("customers.jsonl", null);
    assertRefused(missing, BackupException.Reason.DAMAGED, "has no customers.jsonl");
  }

  @Test
  void aTruncatedBackupIsRefused() throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = dir.resolve("truncated.zip");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(truncated, BackupException.Reason.DAMAGED, "not a complete zip file");
  }

  private void assertRefused(Path zip, BackupException.Reason reason, String message) {
    CrmStores target = CrmStores.inMemory();
    assertThatThrownBy(() -> Restore.restore(zip, target)).isInstanceOf(BackupException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((BackupException) e).reason()).isEqualTo(reason);
    assertThat(target.segmentation().segmentDefinitions().all()).isEmpty();
  }

  /** A copy of the good backup with one entry changed by {@code edit}, or left out when it is null. */
  private Path rewrite(String name, UnaryOperator<String> edit) throws IOException {
    Path copy = dir.resolve("edited-" + name + ".zip");
    try (ZipFile in = new ZipFile(good.toFile()); OutputStream file = Files.newOutputStream(copy);
        ZipOutputStream out = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().equals(name) && edit == null) {
          continue;
        }
        byte[] bytes;
        try (InputStream stream = in.getInputStream(entry)) {
          bytes = stream.readAllBytes();
        }
        if (entry.getName().equals(name)) {
          bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    return copy;
  }
}
