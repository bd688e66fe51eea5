-- Open work by queue: the first thing a desktop needs (its queue), and what
-- routing reads to offer the next contact.
CREATE INDEX entities_open_queue_items ON entities ((data->>'queueId'))
  WHERE entity = 'queueItem' AND (data->>'state') IN ('waiting', 'claimed', 'wrap-up');

-- A person's open follow-ups.
CREATE INDEX entities_open_follow_ups ON entities ((data->>'ownerId'))
  WHERE entity = 'followUp' AND (data->>'state') = 'scheduled';
