package org.roster.connector.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.roster.connector.testkit.InMemorySource.Flaw;

/**
 * Each contract case fails for the connector flaw it is there to catch: the fake connector with
 * that one flaw fails the case, the fake without it passes.
 */
class ContractCatchesFlawsTest {

  @ParameterizedTest
  @EnumSource(Flaw.class)
  void theCaseMeantForAFlawFailsWithIt(Flaw flaw) {
    Consumer<InMemorySourceContractTest> check = caseFor(flaw);
    InMemorySourceContractTest sound = new InMemorySourceContractTest();
    assertThatCode(() -> check.accept(sound)).as("without %s", flaw).doesNotThrowAnyException();
    InMemorySourceContractTest flawed = new InMemorySourceContractTest();
    flawed.flaws.add(flaw);
    assertThatThrownBy(() -> check.accept(flawed))
        .as("with %s", flaw)
        .isInstanceOf(AssertionError.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = Flaw.class,
      mode = Mode.INCLUDE,
      names = {"LOGIN_AS_ID", "LOSES_DISABLED", "GROUP_NAMES_AS_IDS", "DUPLICATES_A_USER"})
  void aFullReadCatchesWrongEntries(Flaw flaw) {
    InMemorySourceContractTest flawed = new InMemorySourceContractTest();
    flawed.flaws.add(flaw);
    assertThatThrownBy(flawed::readsExactlyTheSeededGroupsThenUsers)
        .isInstanceOf(AssertionError.class);
  }

  private static Consumer<InMemorySourceContractTest> caseFor(Flaw flaw) {
    return switch (flaw) {
      case IGNORES_STOP -> DirectorySourceContract::aSinkReturningFalseStopsTheReadPromptly;
      case UNSTABLE_IDS -> DirectorySourceContract::idsAreStableAcrossReads;
      case LOGIN_AS_ID -> DirectorySourceContract::aRenamedPersonKeepsTheExternalId;
      case LOSES_DISABLED ->
          DirectorySourceContract::aDisabledPersonReadsDisabledAndEnabledAgainReadsEnabled;
      case GROUP_NAMES_AS_IDS, DUPLICATES_A_USER ->
          DirectorySourceContract::readsExactlyTheSeededGroupsThenUsers;
      case SWALLOWS_UNAVAILABLE, UNAVAILABLE_AS_PLAIN_ERROR ->
          DirectorySourceContract::anUnreachableSourceFailsAsUnavailableAndReadsNothing;
      case REFUSED_CREDENTIALS_AS_UNAVAILABLE, HIDES_CREDENTIALS_TEST ->
          DirectorySourceContract::refusedCredentialsFailAsAuthenticationErrors;
      case ACCEPTS_FOREIGN_SETTINGS ->
          DirectorySourceContract::openRefusesAnotherConnectorsSettings;
      case FAILS_ON_EMPTY ->
          DirectorySourceContract::anEmptyDirectoryReadsNoUsersOrIsRefusedAsAWhole;
      case CLOSE_TWICE_THROWS -> DirectorySourceContract::closeCanBeCalledTwice;
      case NO_DELETIONS -> IncrementalSourceContract::userChangesAndDeletionsAfterTheTokenAreRead;
      case REPORTS_EVERYTHING ->
          IncrementalSourceContract::theReturnedTokenIsWhereTheNextReadStarts;
      case READS_GARBAGE_TOKEN_AS_START ->
          IncrementalSourceContract::aTokenTheSourceCannotUseAsksForAFullSync;
    };
  }
}
