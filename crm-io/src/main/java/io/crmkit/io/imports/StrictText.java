package io.crmkit.io.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text file for reading as the import reads every file: a byte-order mark (UTF-8, UTF-16)
 * wins over the declared encoding and is skipped, and bytes that are not valid in the encoding
 * become {@link #UNDECODABLE}, a noncharacter no real text contains, so the row holding them is
 * reported rather than imported with a silent U+FFFD.
 */
final class StrictText {
  /** What stands for bytes the encoding cannot decode: U+FFFF, a Unicode noncharacter. */
  static final char UNDECODABLE = '\uFFFF';

  private StrictText() {}

  static Reader open(Path file, Charset declared) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      in.mark(4);
      byte[] head = in.readNBytes(3);
      in.reset();
      Charset charset = declared;
      int skip = 0;
      if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
        charset = StandardCharsets.UTF_8;
        skip = 3;
      } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
        charset = StandardCharsets.UTF_16BE;
        skip = 2;
      } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
        charset = StandardCharsets.UTF_16LE;
        skip = 2;
      }
      in.skipNBytes(skip);
      CharsetDecoder decoder = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .replaceWith(String.valueOf(UNDECODABLE));
      return new InputStreamReader(in, decoder);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  static boolean undecodable(String value) {
    return value.indexOf(UNDECODABLE) >= 0;
  }
}
