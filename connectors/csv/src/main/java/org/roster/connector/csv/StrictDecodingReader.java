package org.roster.connector.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a file strictly: bytes that are not valid in the charset raise {@link
 * UndecodableInputException} naming the line they are on, where {@code InputStreamReader} would
 * replace them and let garbled names through. Skips a leading byte order mark.
 */
final class StrictDecodingReader extends Reader {

  /** Malformed or unmappable bytes for the file's charset. */
  static final class UndecodableInputException extends CharacterCodingException {
    private final transient Charset charset;
    private final long line;

    UndecodableInputException(Charset charset, long line) {
      this.charset = charset;
      this.line = line;
    }

    Charset charset() {
      return charset;
    }

    long line() {
      return line;
    }

    @Override
    public String getMessage() {
      return "not valid " + charset.name() + " at line " + line;
    }
  }

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private final CharBuffer chars = CharBuffer.allocate(8192).flip();
  private boolean endOfInput;
  private boolean flushed;
  private boolean started;
  private boolean undecodable;
  private boolean lastWasCarriageReturn;
  private long line = 1;

  StrictDecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    countLines(buffer, offset, n);
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Decodes more characters; false at the end of the input. */
  private boolean fill() throws IOException {
    if (undecodable) {
      throw new UndecodableInputException(decoder.charset(), line);
    }
    chars.clear();
    while (chars.position() == 0 && !flushed) {
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      if (result.isError()) {
        undecodable = true;
        break;
      }
      if (result.isUnderflow()) {
        if (endOfInput) {
          decoder.flush(chars);
          flushed = true;
        } else {
          readBytes();
        }
      }
    }
    chars.flip();
    skipByteOrderMark();
    if (!chars.hasRemaining() && undecodable) {
      throw new UndecodableInputException(decoder.charset(), line);
    }
    return chars.hasRemaining() || (!flushed && fill());
  }

  private void readBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void skipByteOrderMark() {
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
        chars.get();
      }
    }
  }

  /** Counts line breaks as commons-csv does: LF, CR LF and a lone CR each end a line. */
  private void countLines(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n' && !lastWasCarriageReturn || c == '\r') {
        line++;
      }
      lastWasCarriageReturn = c == '\r';
    }
  }
}
