-- Class mode (issue 23): a room a teacher starts, and the answers its students send. No names, no
-- addresses, no agents, no cookies: a room is its code and the hash of its teacher's key; an answer
-- is its question, its value, its hour and the hash of the room's code with a random device id.
-- A room lives 12 hours; the service deletes it then, and its answers with it (on delete cascade).
create table rooms (
  code text primary key check (code ~ '^[A-HJKMNP-Z2-9]{6}$'),
  -- sha-256 hex of the teacher's key; the key itself is never stored.
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  -- The current question id, null before the first.
  question text,
  revealed boolean not null default false,
  created timestamptz not null default now(),
  expires timestamptz not null
);

-- The sweep deletes by expiry.
create index rooms_expires on rooms (expires);

-- Room answers never enter the public guesses table.
create table room_answers (
  code text not null references rooms (code) on delete cascade,
  question text not null,
  -- sha-256 hex of code + ':' + the device id: never the id itself.
  device text not null check (device ~ '^[0-9a-f]{64}$'),
  value double precision not null check (value between 0 and 100),
  hour timestamptz not null default date_trunc('hour', now()),
  primary key (code, question, device)
);

-- One answer, with every rule that depends on the room in one call, so that concurrent answers
-- cannot pass the 200-device cap together: the room's row is locked first, and each statement
-- after it (a volatile function's own snapshot, under read committed) sees every answer committed
-- before the lock was granted. Answers 'gone' (no such room, or expired), 'question' (not the
-- room's current question), 'revealed', 'full' (a new device past the cap) or 'ok' (stored, or the
-- device's earlier answer to this question replaced).
create function room_answer(p_code text, p_device text, p_question text, p_value double precision, p_now timestamptz, p_cap integer)
returns text
language plpgsql volatile
as $$
declare
  r record;
begin
  select question, revealed into r from rooms where code = p_code and expires > p_now for update;
  if not found then
    return 'gone';
  end if;
  if r.question is distinct from p_question then
    return 'question';
  end if;
  if r.revealed then
    return 'revealed';
  end if;
  if not exists (select 1 from room_answers where code = p_code and device = p_device)
     and (select count(distinct device) from room_answers where code = p_code) >= p_cap then
    return 'full';
  end if;
  insert into room_answers (code, question, device, value, hour)
  values (p_code, p_question, p_device, p_value, date_trunc('hour', p_now))
  on conflict (code, question, device) do update set value = excluded.value, hour = excluded.hour;
  return 'ok';
end
$$;
