package org.roster.connector.ldap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1OctetString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The look-ups a read resolves membership with: member lists, memberOf values, DN keys. */
class GroupLookupsTest {

  @Test
  void theMembershipIndexKeepsEachMembersGroupsOnceInTheOrderAdded() {
    MembershipIndex index = new MembershipIndex();
    int members = 5000;
    for (int group = 0; group < 3; group++) {
      for (int m = 0; m < members; m++) {
        if (m % 3 != group) {
          index.add("uid=u" + m + ",ou=people", group);
          index.add("uid=u" + m + ",ou=people", group);
        }
      }
    }
    assertThat(index.size()).isEqualTo(members);
    assertThat(index.groupsOf("uid=u0,ou=people")).containsExactly(1, 2);
    assertThat(index.groupsOf("uid=u4999,ou=people")).containsExactly(0, 2);
    assertThat(index.groupsOf("uid=nobody,ou=people")).isEmpty();
    List<String> ofEither = new ArrayList<>();
    index.forEachMemberOf(Set.of(0, 2), ofEither::add);
    assertThat(ofEither).hasSize(members).startsWith("uid=u1,ou=people", "uid=u2,ou=people");
    List<String> ofGroupZero = new ArrayList<>();
    index.forEachMemberOf(Set.of(0), ofGroupZero::add);
    assertThat(ofGroupZero).hasSize(members - members / 3 - 1).doesNotContain("uid=u0,ou=people");
  }

  @Test
  void memberOfValuesResolveAsTheirStringsDoAndRepeatedValuesTheSameWay() {
    GroupCatalog catalog = new GroupCatalog(MembershipAttribute.MEMBER_OF, false);
    for (int g = 0; g < 3000; g++) {
      catalog.add("cn=g" + g + ",ou=groups,dc=x", "id" + g, "g" + g, List.of());
    }
    List<String> values =
        List.of(
            "cn=g1,ou=groups,dc=x",
            "CN=G2,OU=Groups,DC=x",
            "cn=g3, ou=groups, dc=x",
            "cn=elsewhere,dc=y",
            "cn=G1,ou=groups,dc=x");
    Set<String> expected = catalog.idsOfDns(values);
    assertThat(expected).containsExactlyInAnyOrder("id1", "id2", "id3");
    for (int round = 0; round < 2; round++) {
      assertThat(catalog.idsOfValues(octets(values))).isEqualTo(expected);
    }
    List<String> many = new ArrayList<>();
    for (int g = 0; g < 3000; g++) {
      many.add("cn=g" + g + ",ou=groups,dc=x");
    }
    assertThat(catalog.idsOfValues(octets(many))).hasSize(3000);
    assertThat(catalog.idsOfValues(new ASN1OctetString[0])).isEmpty();
  }

  @Test
  void groupsSharingAnIdCountOnce() {
    GroupCatalog catalog = new GroupCatalog(MembershipAttribute.MEMBER_OF, false);
    catalog.add("cn=a,dc=x", "same", "a", List.of());
    catalog.add("cn=b,dc=x", "same", "b", List.of());
    catalog.add("cn=c,dc=x", "other", "c", List.of());
    assertThat(catalog.idsOfValues(octets(List.of("cn=a,dc=x", "cn=b,dc=x", "cn=c,dc=x"))))
        .containsExactlyInAnyOrder("same", "other");
    assertThat(catalog.ids(new int[] {0, 1})).containsExactly("same");
  }

  @Test
  void aDnAlreadyInKeyFormIsItsOwnKey() {
    String key = "uid=ann,ou=people,dc=example";
    assertThat(DnKey.of(key)).isSameAs(key);
    assertThat(DnKey.of("UID=Ann,ou=people,dc=example")).isEqualTo(key);
  }

  @Test
  void memberValuesKeyAsTheirDnStringsDo() {
    for (String value :
        List.of(
            "uid=ann,ou=people,dc=example",
            "UID=Ann,OU=People,DC=Example",
            "uid=ann, ou=people",
            "uid=ann ,ou=people",
            "uid=a b,ou=people",
            "uid=ann,ou=people ",
            " uid=ann",
            "cn=A\\, B,ou=x",
            "cn=\"quoted\",ou=x",
            "cn=a+sn=b,ou=x",
            "cn=Zoë,ou=x",
            "uid=ann,ou=people#'0101'B",
            "")) {
      assertThat(new String(GroupScan.memberKey(new ASN1OctetString(value)), UTF_8))
          .as(value)
          .isEqualTo(DnKey.of(GroupScan.memberDn(value)));
    }
  }

  private static ASN1OctetString[] octets(List<String> values) {
    return values.stream().map(ASN1OctetString::new).toArray(ASN1OctetString[]::new);
  }
}
