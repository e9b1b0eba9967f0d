package org.roster.connector.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;

/**
 * A sink that records what a source gives it: entries, rejections and deletions, in order. It can
 * ask the source to stop after a number of entries and then counts any call that still comes. Not
 * thread-safe, like the sources that feed it.
 */
public final class RecordingSink implements ChangeSink {

  /** A deletion an incremental read reported. */
  public record Deletion(EntryKind kind, String externalId) {}

  private final int stopAfter;
  private final List<SourceEntry> entries = new ArrayList<>();
  private final List<RejectedEntry> rejections = new ArrayList<>();
  private final List<Deletion> deletions = new ArrayList<>();
  private boolean stopped;
  private int callsAfterStop;

  /** A sink that never asks to stop. */
  public RecordingSink() {
    this(Integer.MAX_VALUE);
  }

  private RecordingSink(int stopAfter) {
    this.stopAfter = stopAfter;
  }

  /** A sink whose {@code accept} returns false on the given number of accepted entries. */
  public static RecordingSink stoppingAfter(int entries) {
    if (entries < 1) {
      throw new IllegalArgumentException("'entries' must be at least 1");
    }
    return new RecordingSink(entries);
  }

  @Override
  public boolean accept(SourceEntry entry) {
    countIfStopped();
    entries.add(entry);
    return goOn(entries.size() < stopAfter);
  }

  @Override
  public boolean reject(RejectedEntry rejected) {
    countIfStopped();
    rejections.add(rejected);
    return goOn(true);
  }

  @Override
  public boolean deleted(EntryKind kind, String externalId) {
    countIfStopped();
    deletions.add(new Deletion(kind, externalId));
    return goOn(true);
  }

  /** Every accepted entry, in the order the source gave them. */
  public List<SourceEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** The accepted users, in order. */
  public List<SourceUser> users() {
    return entries.stream()
        .filter(SourceUser.class::isInstance)
        .map(SourceUser.class::cast)
        .toList();
  }

  /** The accepted groups, in order. */
  public List<SourceGroup> groups() {
    return entries.stream()
        .filter(SourceGroup.class::isInstance)
        .map(SourceGroup.class::cast)
        .toList();
  }

  /** The accepted users by login; a later user with the same login replaces an earlier one. */
  public Map<String, SourceUser> usersByLogin() {
    Map<String, SourceUser> byLogin = new LinkedHashMap<>();
    users().forEach(u -> byLogin.put(u.login(), u));
    return byLogin;
  }

  public List<RejectedEntry> rejections() {
    return Collections.unmodifiableList(rejections);
  }

  public List<Deletion> deletions() {
    return Collections.unmodifiableList(deletions);
  }

  /** External ids of the deleted entries of one kind, in order. */
  public List<String> deleted(EntryKind kind) {
    return deletions.stream().filter(d -> d.kind() == kind).map(Deletion::externalId).toList();
  }

  /** True once this sink has returned false. */
  public boolean stopped() {
    return stopped;
  }

  /** How many calls came after this sink returned false: a well-behaved source makes none. */
  public int callsAfterStop() {
    return callsAfterStop;
  }

  private void countIfStopped() {
    if (stopped) {
      callsAfterStop++;
    }
  }

  private boolean goOn(boolean goOn) {
    if (!goOn) {
      stopped = true;
    }
    return !stopped;
  }
}
