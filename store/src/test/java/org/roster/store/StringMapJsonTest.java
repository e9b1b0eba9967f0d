package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of string maps: what the mapper writes, and what it reads back. */
class StringMapJsonTest {
  private static final JsonCodec MAPPER = new JsonCodec(JsonMapper.createDefault());

  /** Every control character, DEL, U+2028, quotes, backslashes, a slash, non-BMP characters. */
  private static final String HARD;

  static {
    StringBuilder s = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      s.append(c);
    }
    HARD =
        s
            + "\u007f\u2028\u2029 \"quoted\" 'single' back\\slash \\\\ \\u0041 / "
            + "Zoë 日本 😀 𝄞 \uFFFF";
  }

  @Test
  void writesKeysSortedAndEscapedAsTheMapperDoes() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("title", HARD);
    map.put("b", "2");
    map.put("B", "upper");
    map.put("", "empty key");
    map.put("empty", "");
    map.put("é", "accent");
    map.put("😀", "emoji key");
    map.put("tab\tkey", "new\nline");

    String json = StringMapJson.write(map);

    assertThat(json).isEqualTo(MAPPER.write(map));
    assertThat(json).startsWith("{\"\":\"empty key\",\"B\":\"upper\",\"b\":\"2\",");
    assertThat(json)
        .contains("\\u0000\\u0001", "\\b\\t\\n\\u000B\\f\\r", "\\u001F", "\\uD83D\\uDE00");
    assertThat(MAPPER.stringMap(json)).isEqualTo(map);
  }

  @Test
  void emptyAndAlreadySortedMaps() {
    assertThat(StringMapJson.write(Map.of())).isEqualTo("{}");
    TreeMap<String, String> sorted = new TreeMap<>(Map.of("z", "1", "a", "2"));
    assertThat(StringMapJson.write(sorted)).isEqualTo("{\"a\":\"2\",\"z\":\"1\"}");
  }

  @Test
  void randomMapsRoundTripAndMatchTheMapper() {
    Random random = new Random(42);
    String palette = "aZ09 \"\\/\t\n\r\b\f\u0000\u001f\u007f\u00e9\u2028日";
    String[] astral = {"😀", "𝄞", "\uD83C\uDDEB\uD83C\uDDF7"};
    for (int round = 0; round < 2000; round++) {
      Map<String, String> map = new HashMap<>();
      int entries = random.nextInt(6);
      for (int e = 0; e < entries; e++) {
        map.put(randomText(random, palette, astral), randomText(random, palette, astral));
      }
      String json = MAPPER.writeStrings(map);
      assertThat(json).as("map %s", map).isEqualTo(MAPPER.write(map));
      assertThat(MAPPER.stringMap(json)).isEqualTo(map);
    }
  }

  private static String randomText(Random random, String palette, String[] astral) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      if (random.nextInt(10) == 0) {
        s.append(astral[random.nextInt(astral.length)]);
      } else {
        s.append(palette.charAt(random.nextInt(palette.length())));
      }
    }
    return s.toString();
  }
}
