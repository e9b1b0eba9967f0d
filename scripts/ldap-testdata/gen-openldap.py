#!/usr/bin/env python3
"""Generates a deterministic OpenLDAP test directory as LDIF (python3 standard library only).

    gen-openldap.py --users 100000 --groups 5000 --base dc=example,dc=org --memberof > big.ldif
    scripts/slapd.sh bulk big.ldif

Output, parents first (so slapadd -q can load it as is):
  <base> (dcObject + organization), ou=people, ou=groups
  uid=user000001..N,ou=people  inetOrgPerson: uid, cn, sn, givenName, displayName, mail,
                               telephoneNumber, title, o, employeeNumber; userPassword
                               "pw-<uid>" on every 1000th user (user001000, user002000, ...)
  cn=group00001..M,ou=groups   groupOfNames; user i is in 2 or 3 groups (2.5 on average), picked
                               deterministically; every 100th group also contains the next group
                               (nesting), and the last two groups contain each other (a cycle)
With --memberof every user and every nested group carries memberOf for its direct groups, as the
memberof overlay would have written it (slapadd bypasses overlays). Same arguments, same bytes.
"""
import argparse
import sys

FIRST = ["Ada", "Alan", "Barbara", "Brian", "Claude", "Dennis", "Donald", "Edsger", "Frances", "Grace",
         "Guido", "Hedy", "Ivan", "James", "Joan", "John", "Ken", "Leslie", "Linus", "Margaret",
         "Niklaus", "Radia", "Richard", "Robin", "Shafi", "Sophie", "Tim", "Vint", "Whitfield", "Yukihiro"]
LAST = ["Allen", "Backus", "Cerf", "Dijkstra", "Engelbart", "Feigenbaum", "Goldberg", "Hamilton",
        "Hopper", "Iverson", "Jobs", "Kay", "Knuth", "Lamport", "Liskov", "Lovelace", "McCarthy",
        "Milner", "Naur", "Perlman", "Pike", "Ritchie", "Rivest", "Shamir", "Stroustrup", "Tarjan",
        "Thompson", "Torvalds", "Turing", "Wirth", "Wilson", "Yao"]
TITLES = ["Engineer", "Senior Engineer", "Manager", "Analyst", "Designer", "Consultant", "Director",
          "Support Specialist", "Accountant", "Sales Representative", "Recruiter", "Architect"]
ORGS = ["Example Corp", "Example Labs", "Example Services", "Example Holdings"]


def groups_of_user(i, m):
    """The 2 or 3 distinct groups (0-based) of user i (1-based)."""
    gs = [i % m]
    for g in ((i * 7 + 3) % m, (i * 13 + 5) % m) if i % 2 == 0 else ((i * 7 + 3) % m,):
        if g not in gs:
            gs.append(g)
    return gs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=100000)
    ap.add_argument("--groups", type=int, default=5000)
    ap.add_argument("--base", default="dc=example,dc=org")
    ap.add_argument("--memberof", action="store_true", help="write memberOf (for slapadd)")
    ap.add_argument("-o", "--output", default="-", help="file to write (default stdout)")
    a = ap.parse_args()
    n, m, base = a.users, a.groups, a.base
    if n < 0 or m < 1:
        ap.error("--users must be >= 0 and --groups >= 1")
    people = "ou=people," + base
    groups = "ou=groups," + base
    udn = [None] + ["uid=user%06d,%s" % (i, people) for i in range(1, n + 1)]
    gdn = ["cn=group%05d,%s" % (g + 1, groups) for g in range(m)]

    members = [[] for _ in range(m)]          # group -> member DNs, in a stable order
    user_groups = [None] * (n + 1)
    for i in range(1, n + 1):
        gs = groups_of_user(i, m)
        user_groups[i] = gs
        for g in gs:
            members[g].append(udn[i])
    parent_groups = [[] for _ in range(m)]    # nested group -> groups it is a direct member of
    edges = [(g, g + 1) for g in range(0, m - 1, 100)]
    if m >= 4:
        edges += [(m - 2, m - 1), (m - 1, m - 2)]
    for outer, inner in edges:
        if gdn[inner] not in members[outer]:
            members[outer].append(gdn[inner])
            parent_groups[inner].append(outer)

    out = open(a.output, "w", encoding="utf-8", newline="\n") if a.output != "-" else sys.stdout
    rdn = base.split(",", 1)[0]
    dc = rdn.split("=", 1)[1]
    buf = [
        "dn: %s\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\ndc: %s\no: %s\n\n"
        % (base, dc, dc),
        "dn: %s\nobjectClass: organizationalUnit\nou: people\n\n" % people,
        "dn: %s\nobjectClass: organizationalUnit\nou: groups\n\n" % groups,
    ]
    w = buf.append
    for i in range(1, n + 1):
        uid = "user%06d" % i
        gn = FIRST[i % len(FIRST)]
        sn = LAST[(i // len(FIRST)) % len(LAST)]
        w("dn: %s\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s %s %d\nsn: %s\ngivenName: %s\n"
          "displayName: %s %s\nmail: %s@example.org\ntelephoneNumber: +1 555 %07d\ntitle: %s\n"
          "o: %s\nemployeeNumber: %d\n"
          % (udn[i], uid, gn, sn, i, sn, gn, gn, sn, uid, i, TITLES[i % len(TITLES)],
             ORGS[i % len(ORGS)], i))
        if i % 1000 == 0:
            w("userPassword: pw-%s\n" % uid)
        if a.memberof:
            for g in user_groups[i]:
                w("memberOf: %s\n" % gdn[g])
        w("\n")
        if len(buf) > 20000:
            out.write("".join(buf))
            buf.clear()
    for g in range(m):
        w("dn: %s\nobjectClass: groupOfNames\ncn: group%05d\ndescription: Generated group %d\n"
          % (gdn[g], g + 1, g + 1))
        # groupOfNames needs a member: an empty group (fewer users than groups) gets the base DN.
        for dn in members[g] or [base]:
            w("member: %s\n" % dn)
        if a.memberof:
            for p in parent_groups[g]:
                w("memberOf: %s\n" % gdn[p])
        w("\n")
        if len(buf) > 20000:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))
    if out is not sys.stdout:
        out.close()
    memberships = sum(len(x) for x in members)
    print("gen-openldap: %d users, %d groups, %d member values (%d nested-group edges)"
          % (n, m, memberships, len(edges)), file=sys.stderr)


if __name__ == "__main__":
    main()
