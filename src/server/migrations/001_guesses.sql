-- Readers' guesses, and nothing else: the question, the number, and the hour it was sent. No id,
-- no address, no agent, no cookie: a row cannot be tied to a reader or to another row of theirs.
create table guesses (
  question text not null,
  value double precision not null check (value between 0 and 100),
  hour timestamptz not null default date_trunc('hour', now())
);

-- Every read is for one question: its count, its bins and its median (value in the index lets
-- the median and the bins come from the index alone).
create index guesses_question_value on guesses (question, value);
