/**
 * The Okta connector, through the Okta SDK (okta-sdk-api/okta-sdk-impl 24). {@link
 * org.roster.connector.okta.OktaConnectorFactory} (type {@code okta}) is the entry point; {@link
 * org.roster.connector.okta.OktaSource} reads, reads changes, checks passwords and searches.
 *
 * <h2>Settings</h2>
 *
 * <table>
 *   <caption>Okta profile settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>orgUrl</td><td>required</td><td>{@code https://example.okta.com}: https, no path
 *       ({@code http://} only in a JVM with the SDK's test switch
 *       {@code okta.testing.disableHttpsCheck=true})</td></tr>
 *   <tr><td>apiToken</td><td>one of the two ways</td><td>an API token, sent as {@code SSWS};
 *       secret</td></tr>
 *   <tr><td>clientId</td><td>the other way</td><td>an OAuth 2.0 service app's client id
 *       ({@code AuthorizationMode.PRIVATE_KEY})</td></tr>
 *   <tr><td>privateKey / privateKeyFile</td><td>required with clientId</td><td>the app's PEM
 *       private key (PKCS#8, or PKCS#1/SEC1; RSA or EC; unencrypted), secret; or the path of a
 *       file holding it, read when the source connects</td></tr>
 *   <tr><td>keyId</td><td>none</td><td>the key's {@code kid}, when the app has several</td></tr>
 *   <tr><td>scopes</td><td>okta.users.read, okta.groups.read</td><td>asked for by the app</td></tr>
 *   <tr><td>groups</td><td>none</td><td>groups to read, by name (exact) or id ({@code 00g...})
 *       </td></tr>
 *   <tr><td>groupsFilter</td><td>none</td><td>RFC 4515 over group properties ({@code
 *       (name=Eng*)}, {@code (type=APP_GROUP)}), translated to Okta's search; a filter that does
 *       not test {@code type} reads OKTA_GROUP and APP_GROUP groups only. Listed groups and the
 *       filter add up; with neither, every OKTA_GROUP and APP_GROUP group (not the built-in
 *       Everyone)</td></tr>
 *   <tr><td>usersFilter</td><td>none: every user but the DEPROVISIONED</td><td>RFC 4515 over
 *       user properties ({@code (&(department=Sales)(status=ACTIVE))}), translated to Okta's
 *       search</td></tr>
 *   <tr><td>mapping</td><td>login {@code login}, email {@code email}, givenName {@code
 *       firstName}, familyName {@code lastName}, displayName {@code displayName} (else given and
 *       family name), title {@code title}, department {@code department}, company {@code
 *       organization}, phone {@code mobilePhone|primaryPhone}</td><td>field to profile property;
 *       {@code a|b} takes the first that is not empty; blank unmaps</td></tr>
 *   <tr><td>lockedOutIsDisabled</td><td>true</td><td>a LOCKED_OUT user reads as disabled</td></tr>
 *   <tr><td>pageSize</td><td>200</td><td>entries per page, 1 to 200</td></tr>
 *   <tr><td>connectTimeoutSeconds</td><td>10</td><td></td></tr>
 *   <tr><td>readTimeoutSeconds</td><td>60</td><td></td></tr>
 *   <tr><td>maxRetries</td><td>8</td><td>retries of a rate-limited (429) or unavailable (503,
 *       504) request</td></tr>
 *   <tr><td>maxRetryWaitSeconds</td><td>300</td><td>how long one request may wait in all for
 *       its retries (a 429 waits until {@code X-Rate-Limit-Reset})</td></tr>
 *   <tr><td>overlapSeconds</td><td>120</td><td>how far before its watermark an incremental read
 *       looks again</td></tr>
 *   <tr><td>fullReconcileHours</td><td>24</td><td>an incremental read whose token's full run is
 *       older asks for a full sync; 0 for never</td></tr>
 * </table>
 *
 * <p>Filters: {@code =} is {@code eq}, {@code =abc*} is {@code sw}, {@code >=} and {@code <=} are
 * {@code ge} and {@code le}, {@code =*} is {@code pr}, {@code &} and {@code |} are {@code and} and
 * {@code or}; anything else is refused. A bare name is a profile property ({@code department} is
 * {@code profile.department}) unless it is a top-level one (users: {@code id, status, created,
 * activated, statusChanged, lastUpdated, type.id}; groups: {@code id, type, created, lastUpdated,
 * lastMembershipUpdated, source.id}).
 *
 * <h2>Users</h2>
 *
 * A user's id is Okta's id, its location {@code /api/v1/users/{id}}. ACTIVE, PASSWORD_EXPIRED,
 * RECOVERY and PROVISIONED users are enabled; SUSPENDED and STAGED disabled; LOCKED_OUT disabled
 * unless {@code lockedOutIsDisabled} is off; DEPROVISIONED users are deleted (a full read leaves
 * them out, an incremental one reports them deleted). A user's groups are its profile groups; Okta
 * groups are flat. The SDK's cache is off, and the SDK's client is built from the profile's
 * settings alone ({@code ~/.okta/okta.yaml}, {@code OKTA_*} variables and the like are overridden);
 * 429s wait for the rate limit's reset and are retried.
 *
 * <h2>Incremental reads</h2>
 *
 * The token is {@code okta1|<scope>|<watermark ms>|<full run s>|<group ids>} ({@link
 * org.roster.connector.okta.OktaToken}). An increment reads users whose {@code lastUpdated} is
 * after the watermark less {@code overlapSeconds} (DEPROVISIONED ones are reported deleted), the
 * members of groups whose {@code lastMembershipUpdated} is (who joined comes out with all its
 * groups), and the profile's groups whole: changed and new ones are emitted, missing ones reported
 * deleted, and for each group whose membership changed the complete members, so that the engine
 * reads again the users who left. Users deleted without passing through DEPROVISIONED are found by
 * the full reconcile every {@code fullReconcileHours}.
 *
 * <h2>Directory search</h2>
 *
 * Selective import's search ({@code SearchableSource}) uses Okta's {@code search} expressions, so
 * Okta does the matching (never a full listing), always within the profile's groups and users
 * filter, DEPROVISIONED users left out, at most {@code limit} entries (a page is never asked for
 * more than are still wanted):
 *
 * <ul>
 *   <li>by name: profile groups whose name starts with the text ({@code profile.name sw}), then
 *       users whose mapped login, display name, given name, family name or mail property starts
 *       with it. Okta's {@code sw} ignores case; Okta has no "contains" for these, so the text is a
 *       prefix. It is quoted as an Okta string ({@code "} and {@code \} escaped), so it cannot
 *       change the expression. Okta's {@code q} is not used: it never matches the login;
 *   <li>by group: the members of the profile groups whose name is the text, ignoring case (with a
 *       users filter, read again by id with it);
 *   <li>by filter: an RFC 4515 filter over user properties, translated as {@code usersFilter} is
 *       and ANDed with it; a filter that is not RFC 4515, that has no Okta equivalent or that Okta
 *       refuses (400) is an {@code InvalidSettingsException} for field {@code q}.
 * </ul>
 *
 * Users come mapped as a full read maps them (same status rule), with their profile groups asked
 * per user ({@code GET /api/v1/users/{id}/groups}). Failures are those of a read; 429s are retried.
 *
 * <h2>Passwords</h2>
 *
 * {@link org.roster.connector.okta.PasswordCheck}: Okta's authentication API, after checking the
 * login typed is the login of the user with that id.
 */
package org.roster.connector.okta;
