#!/usr/bin/env python3
"""Writes the LDIF that `scripts/samba-ad.sh seed-small` loads into the Samba AD DC (stdlib only).

    gen-samba.py [--base DC=roster,DC=test] [--realm roster.test] [--big-group 1600] > seed.ldif

Load it with ldapadd -c over LDAPS as Administrator (it has changetype records). Content:
  OU=Staff    20 users (alice ... zoe, the same people as openldap-small.ldif): sAMAccountName,
              userPrincipalName <sam>@<realm>, givenName, sn, displayName, mail, telephoneNumber,
              title, company, department, employeeID; userAccountControl 512 (enabled).
              Passwords (unicodePwd): alice "alice-pass", bob "bob-pass", dave "dave-pass";
              the others have none (Samba accepts 512 without a password, unlike Windows AD).
              dave is then disabled (userAccountControl 514: ACCOUNTDISABLE), as
              `samba-tool user disable dave` would do.
  OU=Moved    mallory, created in OU=Staff and then moved here (modrdn: same objectGUID)
  OU=Groups   engineering -> backend -> platform -> engineering (a nesting cycle),
              all-staff -> engineering, sales; big-group with --big-group members
  OU=Bulk     bulk0001 ... bulkNNNN: the members of big-group (enabled, no password)
  deleted     "Gone User" (sAMAccountName gone) is created in OU=Staff and deleted, so
              CN=Deleted Objects holds one tombstone (search it with the Show Deleted control
              1.2.840.113556.1.4.417)
"""
import argparse
import base64

PEOPLE = [
    # sam, given, sn, title, company, department, phone, password
    ("alice", "Alice", "Anders", "Engineering Manager", "Example Corp", "Engineering", "+1 555 0101", "alice-pass"),
    ("bob", "Bob", "Brown", "Backend Developer", "Example Corp", "Engineering", "+1 555 0102", "bob-pass"),
    ("carol", "Carol", "Clark", "Platform Engineer", "Example Corp", "Engineering", "+1 555 0103", None),
    ("dave", "Dave", "Davis", "Backend Developer", "Example Corp", "Engineering", "+1 555 0104", "dave-pass"),
    ("erin", "Erin", "Evans", "Sales Lead", "Example Corp", "Sales", "+1 555 0105", None),
    ("frank", "Frank", "Foster", "Account Executive", "Example Corp", "Sales", "+1 555 0106", None),
    ("grace", "Grace", "Green", "Platform Engineer", "Example Corp", "Engineering", "+1 555 0107", None),
    ("heidi", "Heidi", "Hill", "Auditor", "Example Audit LLC", "Finance", "+1 555 0108", None),
    ("ivan", "Ivan", "Irwin", "Backend Developer", "Example Corp", "Engineering", "+1 555 0109", None),
    ("judy", "Judy", "Jones", "Recruiter", "Example Corp", "People", "+1 555 0110", None),
    ("mallory", "Mallory", "Moore", "Contractor", "Example Contractors", "Engineering", "+1 555 0111", None),
    ("niaj", "Niaj", "Nolan", "Frontend Developer", "Example Corp", "Engineering", "+1 555 0112", None),
    ("olivia", "Olivia", "Owens", "Designer", "Example Corp", "Engineering", "+1 555 0113", None),
    ("peggy", "Peggy", "Parker", "Support Engineer", "Example Corp", "Support", "+1 555 0114", None),
    ("rupert", "Rupert", "Reed", "Sales Engineer", "Example Corp", "Sales", "+1 555 0115", None),
    ("sybil", "Sybil", "Stone", "Finance", "Example Corp", "Finance", "+1 555 0116", None),
    ("trent", "Trent", "Turner", "Security Officer", "Example Corp", "Security", "+1 555 0117", None),
    ("victor", "Victor", "Vance", "Backend Developer", "Example Corp", "Engineering", "+1 555 0118", None),
    ("walter", "Walter", "White", "Platform Engineer", "Example Corp", "Engineering", "+1 555 0119", None),
    ("zoe", "Zoë", "Zimmer", "Engineering Intern", "Example Corp", "Engineering", "+1 555 0120", None),
]


def value(attr, v):
    """attr: v, base64 when not plain ASCII."""
    try:
        v.encode("ascii")
        if not v.startswith((" ", ":", "<")):
            return "%s: %s" % (attr, v)
    except UnicodeEncodeError:
        pass
    return "%s:: %s" % (attr, base64.b64encode(v.encode("utf-8")).decode())


def unicode_pwd(password):
    return base64.b64encode(('"%s"' % password).encode("utf-16-le")).decode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="DC=roster,DC=test")
    ap.add_argument("--realm", default="roster.test")
    ap.add_argument("--big-group", type=int, default=1600, help="members of big-group (> 1500 for ranged retrieval)")
    a = ap.parse_args()
    base, realm = a.base, a.realm.lower()
    staff, moved, groups, bulk = ("OU=%s,%s" % (ou, base) for ou in ("Staff", "Moved", "Groups", "Bulk"))
    out = []
    w = out.append

    for ou, desc in (("Staff", "People"), ("Moved", "Where mallory is moved to"), ("Groups", "Groups"),
                     ("Bulk", "Members of big-group")):
        w("dn: OU=%s,%s\nobjectClass: organizationalUnit\nou: %s\ndescription: %s\n" % (ou, base, ou, desc))

    def user_dn(sam):
        given, sn = next((p[1], p[2]) for p in PEOPLE if p[0] == sam)
        return "CN=%s %s,%s" % (given, sn, staff)

    for n, (sam, given, sn, title, company, dept, phone, pw) in enumerate(PEOPLE, 1):
        lines = [value("dn", user_dn(sam)), "objectClass: user", "sAMAccountName: " + sam,
                 "userPrincipalName: %s@%s" % (sam, realm), value("givenName", given), "sn: " + sn,
                 value("displayName", "%s %s" % (given, sn)), "mail: %s@%s" % (sam, realm),
                 "telephoneNumber: " + phone, "title: " + title, "company: " + company,
                 "department: " + dept, "employeeID: E%d" % (1000 + n), "userAccountControl: 512"]
        if pw:
            lines.append("unicodePwd:: " + unicode_pwd(pw))
        w("\n".join(lines) + "\n")
    w("dn: CN=Gone User,%s\nobjectClass: user\nsAMAccountName: gone\nuserPrincipalName: gone@%s\n"
      "sn: User\ngivenName: Gone\ndisplayName: Gone User\nuserAccountControl: 512\n" % (staff, realm))
    for i in range(1, a.big_group + 1):
        w("dn: CN=bulk%04d,%s\nobjectClass: user\nsAMAccountName: bulk%04d\nuserPrincipalName: bulk%04d@%s\n"
          "sn: Bulk\ngivenName: User %d\ndisplayName: Bulk User %d\nuserAccountControl: 512\n"
          % (i, bulk, i, i, realm, i, i))

    def group(cn, members, desc):
        lines = ["dn: CN=%s,%s" % (cn, groups), "objectClass: group", "sAMAccountName: " + cn,
                 "description: " + desc]
        lines += [value("member", m) for m in members]
        w("\n".join(lines) + "\n")

    g = lambda cn: "CN=%s,%s" % (cn, groups)
    u = user_dn
    group("platform", [u("carol"), u("grace"), u("walter")],
          "Platform team (member of backend; contains engineering: a cycle)")
    group("backend", [u("bob"), u("dave"), u("ivan"), u("victor"), g("platform")], "Backend team, contains platform")
    group("engineering", [u("alice"), u("niaj"), u("olivia"), u("zoe"), g("backend")], "Engineering, contains backend")
    group("sales", [u("erin"), u("frank"), u("rupert")], "Sales")
    group("all-staff", [g("engineering"), g("sales"), u("judy"), u("peggy"), u("sybil"), u("trent")],
          "Everyone, by nesting")
    group("contractors", [u("mallory"), u("heidi")], "Contractors (mallory is moved to OU=Moved later)")
    group("big-group", ["CN=bulk%04d,%s" % (i, bulk) for i in range(1, a.big_group + 1)] + [u("alice")],
          "More than 1500 members: ranged retrieval (member;range=0-1499)")

    w("# The edge that closes the cycle engineering -> backend -> platform -> engineering.\n"
      "dn: %s\nchangetype: modify\nadd: member\nmember: %s\n" % (g("platform"), g("engineering")))
    w("# dave is disabled (ACCOUNTDISABLE, 0x2), as `samba-tool user disable dave` does.\n"
      "dn: %s\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 514\n" % u("dave"))
    w("# mallory moves to OU=Moved (same objectGUID; group memberships follow the new DN).\n"
      "dn: %s\nchangetype: modrdn\nnewrdn: CN=Mallory Moore\ndeleteoldrdn: 1\nnewsuperior: %s\n"
      % (u("mallory"), moved))
    w("# A tombstone in CN=Deleted Objects.\ndn: CN=Gone User,%s\nchangetype: delete\n" % staff)
    print("\n".join(out), end="")


if __name__ == "__main__":
    main()
