/**
 * The Entra ID (Azure AD) connector: users and groups read through Microsoft Graph v1.0 with plain
 * {@code java.net.http} and Jackson, under an app-only token that msal4j gets with the client
 * credentials flow. {@link org.roster.connector.azure.AzureConnectorFactory} (type {@code azure})
 * is the entry point; {@link org.roster.connector.azure.AzureSource} reads and reads changes.
 * Entra ID users cannot be verified by password (there is no such API for apps), so the source is
 * no {@code PasswordVerifier}: they sign in with single sign-on.
 *
 * <h2>Settings</h2>
 *
 * <table>
 *   <caption>Entra ID profile settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>tenantId</td><td>required</td><td>the directory (tenant) id, or a verified domain
 *       ({@code contoso.onmicrosoft.com}); not {@code common}/{@code organizations}</td></tr>
 *   <tr><td>clientId</td><td>required</td><td>the app registration's application (client) id
 *       (a GUID). The app needs the Microsoft Graph <em>application</em> permissions
 *       {@code User.Read.All} and {@code GroupMember.Read.All} (or {@code Group.Read.All}),
 *       granted with admin consent.</td></tr>
 *   <tr><td>clientSecret</td><td>one of the two</td><td>the client secret's value; secret</td></tr>
 *   <tr><td>certificateFile, certificatePassword</td><td>one of the two</td><td>a PKCS12 file with
 *       the certificate (its public key uploaded to the app registration) and private key, and
 *       its password (secret); the token request then carries a signed client assertion</td></tr>
 *   <tr><td>authority</td><td>{@code https://login.microsoftonline.com/}</td><td>https only;
 *       national clouds: {@code https://login.microsoftonline.us/},
 *       {@code https://login.chinacloudapi.cn/}. The tenant id is appended.</td></tr>
 *   <tr><td>graphUrl</td><td>{@code https://graph.microsoft.com/v1.0}</td><td>https only;
 *       {@code https://graph.microsoft.us/v1.0}, {@code https://dod-graph.microsoft.us/v1.0},
 *       {@code https://microsoftgraph.chinacloudapi.cn/v1.0}. The token's scope is its origin
 *       with {@code /.default}.</td></tr>
 *   <tr><td>trustFile</td><td>the JVM's trust store</td><td>CA certificates (PEM, or PKCS12
 *       {@code .p12}/{@code .pfx}) trusted for both the token endpoint and Graph, e.g. behind a
 *       TLS-inspecting proxy; host names are always verified</td></tr>
 *   <tr><td>trustStorePassword</td><td>none</td><td>the PKCS12 trust file's password;
 *       secret</td></tr>
 *   <tr><td>groups</td><td>all</td><td>a list of display names or object ids of the groups to
 *       synchronize (case-insensitive)</td></tr>
 *   <tr><td>groupsFilter</td><td>none</td><td>RFC 4515 over Graph group properties, translated to
 *       {@code $filter} ({@link org.roster.connector.azure.ODataFilter}), e.g.
 *       {@code (&(securityEnabled=TRUE)(displayName=Sales*))}</td></tr>
 *   <tr><td>usersFilter</td><td>none</td><td>the same over user properties, e.g.
 *       {@code (accountEnabled=TRUE)}</td></tr>
 *   <tr><td>nestedGroups</td><td>false</td><td>read groups' {@code transitiveMembers}: a user is
 *       in every synchronized group it reaches through nested groups, synchronized or not. Off,
 *       users have their direct groups and the engine follows nesting among the synchronized
 *       groups itself.</td></tr>
 *   <tr><td>mapping</td><td>see below</td><td>field to Graph property; {@code login} and the
 *       {@code UserFields}; a comma-separated list takes the first property with a value; a
 *       {@code a/b} path reads into a complex property; a blank value unmaps a field</td></tr>
 *   <tr><td>maxRetries</td><td>8</td><td>retries of a throttled request (429, 503, 504)</td></tr>
 *   <tr><td>maxRetryWaitSeconds</td><td>60</td><td>the longest single wait before a retry</td></tr>
 *   <tr><td>connectTimeoutSeconds</td><td>10</td><td></td></tr>
 *   <tr><td>responseTimeoutSeconds</td><td>60</td><td></td></tr>
 * </table>
 *
 * <p>Default mapping: login {@code userPrincipalName}, email {@code mail}, givenName {@code
 * givenName}, familyName {@code surname}, displayName {@code displayName}, title {@code jobTitle},
 * department {@code department}, company {@code companyName}, phone {@code
 * businessPhones,mobilePhone} (the first business phone, else the mobile). {@code accountEnabled}
 * false reads as disabled; the location is the Graph path {@code /users/{id}}. A user without the
 * login property is rejected (the read goes on).
 *
 * <h2>Full reads</h2>
 *
 * Groups: {@code /groups?$select=id,displayName&$top=999} with the groups filter, picked by {@code
 * groups}; then each group's {@code /members} (or {@code /transitiveMembers}) with {@code
 * $select=id}, reading each member's {@code @odata.type}. Only ids are kept: user id to positions of
 * the groups that list it, and the same for groups (the groups' parents; with {@code nestedGroups}
 * all their synchronized ancestors). Users: {@code /users?$select=<mapped properties>,id,
 * accountEnabled&$top=999} with the users filter, streamed page by page, each given its groups
 * from that index. Every collection is paged through {@code @odata.nextLink} until it is absent; a
 * next link to another host than Graph's is refused (the token is not sent there).
 *
 * <h2>Incremental reads</h2>
 *
 * The token is {@code azure1|<users deltaLink>|<groups deltaLink>} ({@link
 * org.roster.connector.azure.DeltaToken}); {@code currentToken()} asks both delta functions for
 * {@code $deltatoken=latest}, reading no data. Graph's delta links last about 7 days; an expired one
 * (410 Gone, or 400 {@code syncStateNotFound}) asks for a full sync.
 *
 * <ul>
 *   <li>Groups ({@code /groups/delta?$select=id,displayName,members}): a group with {@code
 *       @removed} reads as deleted; a group whose own properties changed is emitted with its
 *       parents ({@code /memberOf}) when it is synchronized, and reads as deleted when it is not
 *       (the engine ignores ids it does not know). {@code members@delta} entries of users are
 *       remembered for the user read; entries of groups change nesting: when that moves users
 *       between synchronized groups the read asks for a full sync.
 *   <li>Users ({@code /users/delta} with the mapped properties and those of the users filter):
 *       {@code @removed} reads as deleted. Delta items carry only what changed, and no
 *       memberships, so the changed users and those whose memberships changed are read again:
 *       15 ids a request ({@code /users?$filter=id in (...) and (<users filter>)}) and each one's
 *       {@code /memberOf} (or {@code /transitiveMemberOf}). A user not found (deleted, or out of
 *       the users filter now) reads as deleted.
 * </ul>
 *
 * The user read returns the token to save; it carries the groups' new delta link from the group
 * read of the same source and token (a user read alone keeps the old one, so no membership change
 * is lost). Membership changes are not reported as complete member lists ({@code
 * ChangeSink.members}): Graph gives only what changed, and the members are read again directly.
 * {@code readUsers} reads users by id the same way, without reporting the ones not found.
 *
 * <h2>Directory search</h2>
 *
 * The source is a {@code SearchableSource} for selective import ({@link
 * org.roster.connector.azure.DirectorySearch}). Every search is Graph's {@code $filter} on the
 * server, never a full read; no advanced queries ({@code $search}, {@code ConsistencyLevel:
 * eventual}), so results are never eventually consistent. Text is stripped and quoted for OData
 * ({@code '} doubled), then percent-encoded.
 *
 * <ul>
 *   <li>By name: the profile's groups with {@code startswith(displayName,'text')} (ANDed with the
 *       groups filter, picked by {@code groups}), then users with {@code startswith()} on the
 *       mapped login, displayName, givenName, familyName and email properties, ORed and ANDed with
 *       the users filter. A prefix, not a substring (Graph has no {@code contains}); mapped
 *       properties Graph prefix-matches only in advanced queries ({@code onPremisesSamAccountName},
 *       {@code companyName}, paths into complex properties) are left out.
 *   <li>By group: the profile's groups with {@code displayName eq 'text'} (exact, any case), their
 *       {@code /members} (or {@code /transitiveMembers}) read for user ids, and those users read 15
 *       ids a request with the users filter, until the limit.
 *   <li>By filter: RFC 4515 over Graph user properties, translated like {@code usersFilter} and
 *       ANDed with it. A filter that does not parse or has no OData form, or that Graph refuses
 *       (400: a property it filters only in advanced queries, or none of that name), fails as an
 *       invalid {@code q}.
 * </ul>
 *
 * At most {@code limit} entries, groups first; users rejected by the mapping are left out; {@code
 * $top} asks for no more than fit. Users are mapped as a full read maps them; users and groups get
 * the profile's groups they are in from each one's {@code memberOf} when fewer entries were found
 * than the profile has groups, else from every group's member list as a full read reads them.
 *
 * <h2>Throttling and failures</h2>
 *
 * 429, 503 and 504 wait what {@code Retry-After} says (seconds or a date), else 1, 2, 4, ...
 * seconds, each wait capped by {@code maxRetryWaitSeconds}, up to {@code maxRetries} times; other
 * 5xx and broken connections are retried three times at most; a refused connection is not
 * retried. A 401 {@code InvalidAuthenticationToken} fetches a new token once. Failures name the
 * step, the request and Graph's error code ({@link org.roster.connector.azure.AzureFailures}).
 */
package org.roster.connector.azure;
