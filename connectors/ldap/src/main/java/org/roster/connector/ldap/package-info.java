/**
 * The LDAP connector: Active Directory (and Samba's AD DC) and OpenLDAP, through the UnboundID LDAP
 * SDK. {@link org.roster.connector.ldap.LdapConnectorFactory} (type {@code ldap}) is the entry
 * point; {@link org.roster.connector.ldap.LdapSource} reads, reads changes, searches and checks
 * passwords.
 *
 * <h2>Settings</h2>
 *
 * <table>
 *   <caption>LDAP profile settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>flavour</td><td>required</td><td>{@code activeDirectory} or {@code openldap}</td></tr>
 *   <tr><td>url, failoverUrl / urls</td><td>required</td><td>{@code ldap://host[:port]} or
 *       {@code ldaps://host[:port]}; a second server is used when the first cannot be reached
 *       (UnboundID FailoverServerSet). All URLs share one scheme.</td></tr>
 *   <tr><td>bindDn</td><td>anonymous</td><td>a DN; on AD also {@code user@domain} or
 *       <code>DOMAIN&#92;user</code></td></tr>
 *   <tr><td>bindPassword</td><td>required with bindDn</td><td>secret</td></tr>
 *   <tr><td>startTls</td><td>false</td><td>StartTLS on an {@code ldap://} connection</td></tr>
 *   <tr><td>trustFile</td><td>the JVM's trust store</td><td>CA certificates: PEM, or PKCS12
 *       ({@code .p12}/{@code .pfx}); host names are always verified</td></tr>
 *   <tr><td>trustStorePassword</td><td>none</td><td>the PKCS12 password; secret</td></tr>
 *   <tr><td>trustAll</td><td>false</td><td>insecure: any certificate, no host name check; logs a
 *       warning</td></tr>
 *   <tr><td>baseDn</td><td>required</td><td>the profile's part of the directory</td></tr>
 *   <tr><td>ous</td><td>none</td><td>OUs under the base DN to read instead of all of it
 *       ({@code OU=Sales}, {@code Sales} or a full DN)</td></tr>
 *   <tr><td>userBaseDns, groupBaseDns</td><td>the ous, else baseDn</td><td>subtrees of users and
 *       of groups</td></tr>
 *   <tr><td>usersFilter</td><td>AD {@code (&(objectCategory=person)(objectClass=user))},
 *       OpenLDAP {@code (objectClass=inetOrgPerson)}</td><td>RFC 4515</td></tr>
 *   <tr><td>groupsFilter</td><td>AD {@code (objectClass=group)}, OpenLDAP
 *       {@code (|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))}</td><td></td></tr>
 *   <tr><td>groupMembersFilter</td><td>none</td><td>a group's users as a filter with Creatio's
 *       macro {@code [#LDAPGroupDN#]}, e.g. {@code (&(objectClass=user)(memberOf=[#LDAPGroupDN#]))};
 *       replaces member lists for users' membership</td></tr>
 *   <tr><td>includeRules, excludeRules</td><td>none</td><td>lists of filters ANDed into, or
 *       NOTed into, the users filter on the server</td></tr>
 *   <tr><td>membershipAttribute</td><td>member</td><td>{@code member}, {@code uniqueMember}
 *       (on groups) or {@code memberOf} (on members)</td></tr>
 *   <tr><td>nestedGroupsInChain</td><td>false</td><td>AD only: users are in scope only as
 *       nested members of a profile group, tested by the DC with
 *       LDAP_MATCHING_RULE_IN_CHAIN</td></tr>
 *   <tr><td>mapping</td><td>per flavour</td><td>field to attribute: {@code id}, {@code login},
 *       {@code changed}, {@code groupName} and the {@code UserFields}; AD {@code objectGUID},
 *       {@code sAMAccountName}, {@code whenChanged}, {@code cn}, displayName {@code displayName},
 *       email {@code mail}, phone {@code telephoneNumber}, title {@code title}, company
 *       {@code company}, givenName {@code givenName}, familyName {@code sn}, department
 *       {@code department}; OpenLDAP {@code entryUUID}, {@code uid}, {@code modifyTimestamp},
 *       {@code cn}, displayName {@code cn}, company {@code o}, department {@code ou}, the rest
 *       as AD</td></tr>
 *   <tr><td>disabledRule</td><td>AD {@code {type: userAccountControl}}, OpenLDAP
 *       {@code {type: none}}</td><td>{@code {type: attributePresent, attribute: pwdAccountLockedTime}},
 *       {@code {type: attributeEquals, attribute: nsAccountLock, value: "true"}},
 *       {@code {type: filter, filter: "(employeeType=left)"}}</td></tr>
 *   <tr><td>pageSize</td><td>1000</td><td>entries per page (AD serves at most 1000)</td></tr>
 *   <tr><td>connectTimeoutSeconds</td><td>10</td><td></td></tr>
 *   <tr><td>responseTimeoutSeconds</td><td>60</td><td></td></tr>
 *   <tr><td>followReferrals</td><td>false</td><td>referrals are ignored, never fatal</td></tr>
 *   <tr><td>overlapSeconds</td><td>60</td><td>OpenLDAP incremental: how far before its
 *       watermark a read looks again</td></tr>
 *   <tr><td>fullReconcileHours</td><td>24</td><td>an incremental read whose token's full run is
 *       older asks for a full sync (catches what increments cannot see); 0 for never</td></tr>
 * </table>
 *
 * <h2>Membership</h2>
 *
 * Groups are read first and kept: with {@code member}/{@code uniqueMember} every member value goes
 * into an index of member DN to group positions (flat arrays of the keys' bytes and int positions:
 * 100,000 members listed 250,000 times take about 10 MB); with {@code memberOf} only the groups' DN
 * to id map is kept and each user's {@code memberOf} is resolved through it (each distinct value
 * decoded and looked up once, then matched by its bytes). Nesting is emitted as direct parents
 * ({@code parentGroupIds}); the engine resolves it. AD's {@code member} is always read in bounded
 * ranges ({@code member;range=0-1499}, ...).
 *
 * <h2>Incremental reads</h2>
 *
 * The token is {@code ldap1|<flavour>|<server>|<watermark>|<full run epoch>|<extra>} ({@link
 * org.roster.connector.ldap.LdapToken}); a token whose full run is older than {@code
 * fullReconcileHours} asks for a full sync ("full reconcile due"), which catches whatever an
 * increment cannot see. Each read returns: the entries of the kind changed since the token (for
 * groups: all of them, see below); the entries whose membership changed, with all their direct
 * groups; deletions where the directory keeps them.
 *
 * <ul>
 *   <li>Active Directory: {@code uSNChanged} above the token's {@code highestCommittedUSN}, on the
 *       same DC only (its {@code invocationId}; another DC asks for a full sync). Adding or
 *       removing a member changes the group's USN, not the member's, and {@code memberOf} is a back
 *       link without a USN: who joined and who left comes from the DirSync control with incremental
 *       values ({@code member;range=1-1} added, {@code member;range=0-0} removed), whose cookie the
 *       token carries; those members are read again with their {@code memberOf}. Without DirSync
 *       (refused), the current members of changed groups are read again and members who left are
 *       found from the groups' reported members (see below). Deletions are the tombstones under {@code CN=Deleted Objects} (Show
 *       Deleted control), reported by objectGUID for every deleted user or group of the naming
 *       context since the token (an id the profile never had is for the engine to ignore).
 *   <li>OpenLDAP: {@code modifyTimestamp} (the mapping's {@code changed}) at or after the watermark
 *       less {@code overlapSeconds}. The current members of changed groups are read again. A member
 *       that leaves a group keeps its {@code modifyTimestamp} (the memberof overlay updates {@code
 *       memberOf} without touching it, OpenLDAP 2.5), so it is not read as changed: see below.
 *       Deletions are not visible: the full reconcile finds them.
 * </ul>
 *
 * Both flavours: a group read emits every group of the profile (a group taken out of its parent
 * is not itself changed; the engine writes only real changes), and reports for each changed group
 * its complete direct user members in scope ({@code ChangeSink.members}). The engine compares them
 * with the members it holds and reads the ones who left again by id ({@code readUsers}: {@code
 * entryUUID} or {@code objectGUID}, {@value org.roster.connector.ldap.UserScan#IDS_PER_FILTER} ids
 * to a filter, ANDed with the users filter).
 */
package org.roster.connector.ldap;
