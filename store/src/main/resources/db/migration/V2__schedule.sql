-- Scheduling per profile (issue 5).
-- profile.schedule: the profile's schedule as JSON (ScheduleCodec); NULL = it runs only when asked.
-- schedule_slot: when each profile's next scheduled run is due (NULL = not scheduled, or disabled)
-- and its last scheduled run. Every node polls the due slots and moves a due slot on with a
-- compare-and-set UPDATE of next_run_at; only the node whose UPDATE counted starts the run, so each
-- scheduled run happens once across the nodes sharing the database.
ALTER TABLE profile ADD COLUMN schedule VARCHAR;

CREATE TABLE schedule_slot (
  profile_id   UUID PRIMARY KEY,
  next_run_at  TIMESTAMP WITH TIME ZONE,
  last_run_at  TIMESTAMP WITH TIME ZONE,
  last_run_id  UUID
);
CREATE INDEX schedule_slot_next_ix ON schedule_slot (next_run_at);
