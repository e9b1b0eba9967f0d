package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesScalarsListsAndEscapedStrings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "a \"quoted\" \\ value\n");
    m.put("n", 1.5);
    m.put("ok", true);
    m.put("none", null);
    m.put("modes", List.of("memberOf", "member"));

    assertThat(Json.object(m)).isEqualTo("{\"name\":\"a \\\"quoted\\\" \\\\ value\\u000a\","
        + "\"n\":1.5,\"ok\":true,\"none\":null,\"modes\":[\"memberOf\",\"member\"]}");
  }
}
